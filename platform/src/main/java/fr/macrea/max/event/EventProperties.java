package fr.macrea.max.event;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param subscriberBacklog events a live subscriber may have waiting before it is dropped as too slow (an SSE client
 *                          then reconnects and catches up from the feed with Last-Event-ID)
 * @param heartbeat         interval of SSE comment lines, so proxies keep idle connections and dead clients are seen
 * @param sseTimeout        lifetime of one SSE connection; clients reconnect with Last-Event-ID, losing nothing
 */
@ConfigurationProperties("max.events")
public record EventProperties(@DefaultValue("1000") int subscriberBacklog,
                              @DefaultValue("15s") Duration heartbeat,
                              @DefaultValue("1h") Duration sseTimeout) {

    public EventProperties {
        if (subscriberBacklog < 1) {
            throw new IllegalArgumentException("max.events.subscriber-backlog must be positive");
        }
    }
}
