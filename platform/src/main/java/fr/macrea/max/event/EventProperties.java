package fr.macrea.max.event;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param subscriberBacklog events a live subscriber may have waiting before it is dropped as too slow (an SSE client
 *                          then reconnects and catches up from the feed with Last-Event-ID)
 * @param heartbeat         interval of SSE comment lines, so proxies keep idle connections and dead clients are seen
 * @param sseTimeout        lifetime of one SSE connection; clients reconnect with Last-Event-ID, losing nothing
 * @param fanout            {@code in-process} (one node, the default) or {@code redis} (several nodes)
 * @param redisUrl          Redis used by the {@code redis} fan-out
 * @param redisChannel      pub/sub channel of the {@code redis} fan-out
 * @param maxStreamsPerUser   open SSE streams one user may hold on this node; one more answers 429
 * @param maxStreamsPerTenant open SSE streams all users of one tenant may hold on this node; one more answers 429
 */
@ConfigurationProperties("max.events")
public record EventProperties(@DefaultValue("1000") int subscriberBacklog,
                              @DefaultValue("15s") Duration heartbeat,
                              @DefaultValue("1h") Duration sseTimeout,
                              @DefaultValue("in-process") String fanout,
                              @DefaultValue("redis://127.0.0.1:6379") java.net.URI redisUrl,
                              @DefaultValue("max:events") String redisChannel,
                              @DefaultValue("5") int maxStreamsPerUser,
                              @DefaultValue("50") int maxStreamsPerTenant) {

    public EventProperties {
        if (subscriberBacklog < 1) {
            throw new IllegalArgumentException("max.events.subscriber-backlog must be positive");
        }
        if (maxStreamsPerUser < 1 || maxStreamsPerTenant < 1) {
            throw new IllegalArgumentException("max.events.max-streams-per-* must be positive");
        }
    }
}
