package fr.macrea.max.event;

import fr.macrea.max.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisPubSub;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The fan-out of several nodes (SPEC §2.2): each event is delivered to this node's subscribers at once and published
 * on a Redis pub/sub channel; every other node hands what it receives to its own in-process fan-out. A node ignores
 * its own messages (no double delivery). Subscribers always attach to the local fan-out, keyed by tenant, so tenant
 * isolation is the same as on one node. If Redis is down, local delivery goes on, other nodes' live clients miss
 * the event and catch up from the feed table when they reconnect with {@code Last-Event-ID}.
 */
public final class RedisEventFanout implements EventFanout, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisEventFanout.class);

    private final InProcessEventFanout local;
    private final URI redis;
    private final String channel;
    private final String node = UUID.randomUUID().toString();
    private final JedisPooled publisher;
    private final ExecutorService relay = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("event-redis-relay").factory());
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private final Thread listener;
    private volatile boolean running = true;
    private volatile JedisPubSub pubSub;

    public RedisEventFanout(InProcessEventFanout local, URI redis, String channel) {
        this.local = local;
        this.redis = redis;
        this.channel = channel;
        this.publisher = new JedisPooled(redis);
        this.listener = Thread.ofPlatform().name("event-redis-listener").daemon().start(this::listen);
    }

    @Override
    public void publish(FeedEvent event) {
        local.publish(event);
        // the relay's round trip to Redis is not the publisher's either: one sender thread, so the order holds
        try {
            relay.execute(() -> {
                try {
                    publisher.publish(channel, encode(event));
                } catch (RuntimeException e) {
                    log.warn("Could not relay event {} of {} to the other nodes over Redis", event.id(),
                            event.tenant(), e);
                }
            });
        } catch (RejectedExecutionException closing) {
            log.debug("Node closing: event {} not relayed", event.id());
        }
    }

    @Override
    public EventSubscription subscribe(TenantId tenant, FeedSubscriber subscriber) {
        return local.subscribe(tenant, subscriber);
    }

    @Override
    public int subscriberCount(TenantId tenant) {
        return local.subscriberCount(tenant);
    }

    /** Waits until this node listens to the channel (start-up, tests). */
    public boolean awaitSubscribed(Duration timeout) throws InterruptedException {
        return subscribed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void listen() {
        while (running) {
            try (Jedis connection = new Jedis(redis)) {
                JedisPubSub handler = new JedisPubSub() {
                    @Override
                    public void onSubscribe(String name, int count) {
                        subscribed.countDown();
                    }

                    @Override
                    public void onMessage(String name, String message) {
                        receive(message);
                    }
                };
                pubSub = handler;
                connection.subscribe(handler, channel); // blocks until unsubscribed or the connection breaks
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Redis event channel lost, retrying in 2 s: {}", e.getMessage());
                    try {
                        Thread.sleep(2_000);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }

    void receive(String message) {
        try {
            Map<String, Object> body = EventJson.parse(message);
            if (node.equals(body.get("node"))) {
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> data = body.get("data") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
            local.publish(new FeedEvent(((Number) body.get("id")).longValue(),
                    new TenantId(((Number) body.get("tenant")).longValue()), (String) body.get("type"),
                    (String) body.get("summary"), Instant.parse((String) body.get("occurredAt")), data));
        } catch (RuntimeException e) {
            log.warn("Ignored a malformed message on the Redis event channel", e);
        }
    }

    private String encode(FeedEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("node", node);
        body.put("id", event.id());
        body.put("tenant", event.tenant().value());
        body.put("type", event.type());
        body.put("summary", event.summary());
        body.put("occurredAt", event.occurredAt().toString());
        body.put("data", event.data());
        return EventJson.write(body);
    }

    @Override
    public void close() {
        running = false;
        JedisPubSub handler = pubSub;
        if (handler != null && handler.isSubscribed()) {
            handler.unsubscribe();
        }
        listener.interrupt();
        relay.shutdown();
        try {
            relay.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.close();
    }
}
