package fr.macrea.max.event;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The fan-out of this node. A Redis pub/sub relay for several nodes would replace this bean (docs/events.md). */
@Configuration
class EventConfiguration {

    @Bean
    EventFanout eventFanout(EventProperties properties) {
        return new InProcessEventFanout(properties.subscriberBacklog());
    }
}
