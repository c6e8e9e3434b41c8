package fr.macrea.max.event;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fan-out of this node: in-process by default; {@code max.events.fanout=redis} relays events between nodes
 * over Redis pub/sub ({@code max.events.redis-url}, {@code max.events.redis-channel}).
 */
@Configuration
class EventConfiguration {

    @Bean
    EventFanout eventFanout(EventProperties properties) {
        InProcessEventFanout local = new InProcessEventFanout(properties.subscriberBacklog());
        return switch (properties.fanout()) {
            case "in-process" -> local;
            case "redis" -> new RedisEventFanout(local, properties.redisUrl(), properties.redisChannel());
            default -> throw new IllegalArgumentException(
                    "max.events.fanout must be in-process or redis, not " + properties.fanout());
        };
    }
}
