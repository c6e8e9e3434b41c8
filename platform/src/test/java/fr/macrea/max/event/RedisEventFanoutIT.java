package fr.macrea.max.event;

import fr.macrea.max.shared.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Two nodes relaying events over the machine's Redis (127.0.0.1:6379), on a channel of their own. */
class RedisEventFanoutIT {

    private static final URI REDIS = URI.create(System.getenv().getOrDefault("MAX_IT_REDIS_URL", "redis://127.0.0.1:6379"));
    private static final TenantId A = new TenantId(1);
    private static final TenantId B = new TenantId(2);

    private RedisEventFanout node1;
    private RedisEventFanout node2;

    @BeforeEach
    void twoNodes() throws InterruptedException {
        assumeTrue(redisReachable(), "Redis is not running at " + REDIS);
        String channel = "max:events:it:" + UUID.randomUUID();
        node1 = new RedisEventFanout(new InProcessEventFanout(100), REDIS, channel);
        node2 = new RedisEventFanout(new InProcessEventFanout(100), REDIS, channel);
        assertThat(node1.awaitSubscribed(Duration.ofSeconds(10))).isTrue();
        assertThat(node2.awaitSubscribed(Duration.ofSeconds(10))).isTrue();
    }

    @AfterEach
    void stop() {
        if (node1 != null) {
            node1.close();
        }
        if (node2 != null) {
            node2.close();
        }
    }

    @Test
    void an_event_reaches_the_subscribers_of_its_tenant_on_every_node_once_and_no_other_tenant() throws Exception {
        BlockingQueue<FeedEvent> aOnNode1 = new LinkedBlockingQueue<>();
        BlockingQueue<FeedEvent> aOnNode2 = new LinkedBlockingQueue<>();
        List<FeedEvent> bOnNode2 = Collections.synchronizedList(new ArrayList<>());
        node1.subscribe(A, aOnNode1::add);
        node2.subscribe(A, aOnNode2::add);
        node2.subscribe(B, bOnNode2::add);

        FeedEvent first = new FeedEvent(41, A, "action.completed", "Analyse terminée « Émilie »",
                Instant.parse("2026-11-24T10:15:30.123Z"), Map.of("tokens", 120, "leadId", "L1"));
        FeedEvent second = new FeedEvent(42, A, "crm.lead.updated", "Lead modifié", Instant.EPOCH, Map.of());
        node1.publish(first);
        node1.publish(second);
        FeedEvent marker = new FeedEvent(43, B, "crm.lead.created", "Marqueur B", Instant.EPOCH, Map.of());
        node1.publish(marker);

        assertThat(aOnNode2.poll(10, TimeUnit.SECONDS)).isEqualTo(first);
        assertThat(aOnNode2.poll(10, TimeUnit.SECONDS)).isEqualTo(second);
        assertThat(aOnNode1.poll(10, TimeUnit.SECONDS)).isEqualTo(first);
        assertThat(aOnNode1.poll(10, TimeUnit.SECONDS)).isEqualTo(second);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (bOnNode2.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(bOnNode2).containsExactly(marker);
        // node 1 delivered locally and ignored its own echo: nothing more arrives
        assertThat(aOnNode1.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(aOnNode2).isEmpty();
    }

    @Test
    void a_malformed_message_is_ignored() throws Exception {
        BlockingQueue<FeedEvent> received = new LinkedBlockingQueue<>();
        node2.subscribe(A, received::add);

        node2.receive("{pas du json");
        node2.receive("{\"node\":\"other\",\"id\":\"x\"}");
        FeedEvent valid = new FeedEvent(7, A, "crm.lead.updated", "Valide", Instant.EPOCH, Map.of());
        node1.publish(valid);

        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo(valid);
    }

    private static boolean redisReachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(REDIS.getHost(), REDIS.getPort()), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
