package fr.macrea.max.event;

import fr.macrea.max.PlatformTestApplication;
import fr.macrea.max.security.NewUser;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.security.UserService;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestDatabase;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The SSE endpoint on a real HTTP server and the real MariaDB, read by a real HTTP client. */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "max.events.heartbeat=200ms")
class EventStreamIT {

    private static final String PASSWORD = "motdepasse-sse";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    TenantService tenants;
    @Autowired
    UserService users;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EventFanout fanout;
    @Autowired
    EventFeedService feed;

    private Tenant a;
    private Tenant b;
    private String userA;
    private String userB;
    private final List<SseTestClient> clients = new ArrayList<>();

    @BeforeEach
    void tenantsAndUsers() {
        a = TestTenants.create(tenants, "Flux A", Plan.PRO);
        b = TestTenants.create(tenants, "Flux B", Plan.PRO);
        userA = user(a);
        userB = user(b);
    }

    @AfterEach
    void closeClients() {
        clients.forEach(SseTestClient::close);
        TestTenants.signOut();
    }

    private String user(Tenant tenant) {
        String email = "sse" + ThreadLocalRandom.current().nextInt(1_000_000_000) + "@test.fr";
        SystemAuthentication.asPlatform(() -> {
            long id = users.create(new NewUser(email, "Abonné " + tenant.name(), PASSWORD, false));
            users.grant(tenant.id(), id, Role.TENANT_USER);
            return id;
        });
        return email;
    }

    private SseTestClient connect(String email, String lastEventId) throws Exception {
        SseTestClient client = SseTestClient.connect(port, email, PASSWORD, lastEventId);
        clients.add(client);
        return client;
    }

    private void publish(Tenant tenant, String type, String summary, Map<String, Object> data) {
        publisher.publishEvent(TestEvent.of(tenant.id(), type, summary, data));
    }

    @Test
    void the_stream_requires_authentication() throws Exception {
        HttpResponse<Stream<String>> anonymous = SseTestClient.request(port, null, null, null);
        anonymous.body().close();
        HttpResponse<Stream<String>> wrongPassword = SseTestClient.request(port, userA, "pas-le-bon-mdp", null);
        wrongPassword.body().close();

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
    }

    @Test
    void a_user_without_a_tenant_is_refused() throws Exception {
        String email = "sans-tenant" + ThreadLocalRandom.current().nextInt(1_000_000_000) + "@test.fr";
        SystemAuthentication.asPlatform(() -> users.create(new NewUser(email, "Sans tenant", PASSWORD, false)));

        HttpResponse<Stream<String>> response = SseTestClient.request(port, email, PASSWORD, null);
        response.body().close();

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void each_subscriber_receives_its_own_tenants_events_and_never_another_tenants() throws Exception {
        SseTestClient clientA = connect(userA, null);
        SseTestClient clientB = connect(userB, null);

        publish(a, "crm.lead.updated", "Lead « Émilie » modifié", Map.of("leadId", "L1", "champ", "statut"));
        publish(b, "crm.lead.created", "Lead créé chez B", Map.of("leadId", "L9"));
        publish(a, "action.completed", "Action IA terminée : analyse", Map.of("tokens", 120));
        publish(b, "crm.lead.updated", "Marqueur B", Map.of());

        List<SseTestClient.Message> ofA = clientA.take(2);
        assertThat(ofA).extracting(SseTestClient.Message::event).containsExactly("crm.lead.updated", "action.completed");
        assertThat(ofA.get(0).data()).contains("\"summary\":\"Lead « Émilie » modifié\"")
                .contains("\"leadId\":\"L1\"").contains("\"type\":\"crm.lead.updated\"")
                .contains("\"occurredAt\":\"2026-11-24T10:15:30.123Z\"");
        assertThat(ofA.get(0).numericId()).isLessThan(ofA.get(1).numericId());
        assertThat(ofA.get(1).data()).contains("\"tokens\":120");

        List<SseTestClient.Message> ofB = clientB.take(2);
        assertThat(ofB).extracting(SseTestClient.Message::data)
                .allMatch(d -> d.contains("chez B") || d.contains("Marqueur B"));
        // A's events were published before B's marker: had they leaked, they would be here already
        assertThat(clientB.drained()).isEmpty();
        assertThat(clientA.drained()).isEmpty();
    }

    @Test
    void a_last_event_id_of_another_tenant_replays_none_of_its_events() throws Exception {
        publish(a, "crm.lead.updated", "Secret de A 1", Map.of());
        publish(a, "crm.lead.updated", "Secret de A 2", Map.of());
        long firstOfA = signedInAs(a, () -> feed.latest(2)).getLast().id();

        SseTestClient clientB = connect(userB, Long.toString(firstOfA - 1));
        publish(b, "crm.lead.created", "Marqueur B", Map.of());

        List<SseTestClient.Message> ofB = clientB.take(1);
        assertThat(ofB.getFirst().data()).contains("Marqueur B");
        assertThat(clientB.drained()).isEmpty();
    }

    @Test
    void resuming_with_last_event_id_loses_nothing_and_repeats_nothing() throws Exception {
        SseTestClient first = connect(userA, null);
        List<Long> published = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            publish(a, "crm.lead.updated", "Avant coupure " + i, Map.of("n", i));
        }
        List<SseTestClient.Message> seen = new ArrayList<>(first.take(2));
        first.close(); // the connection drops after two events

        for (int i = 1; i <= 5; i++) {
            publish(a, "crm.lead.updated", "Pendant la coupure " + i, Map.of("n", i));
        }
        // events keep coming while the client reconnects and its replay runs
        Thread publisherThread = Thread.ofPlatform().start(() -> {
            for (int i = 1; i <= 40; i++) {
                publish(a, "crm.lead.updated", "Pendant la reprise " + i, Map.of("n", i));
            }
        });
        SseTestClient resumed = connect(userA, seen.getLast().id());
        publisherThread.join(TimeUnit.SECONDS.toMillis(30));
        signedInAs(a, () -> feed.after(0, EventFeedService.MAX_PAGE)).forEach(e -> published.add(e.id()));
        assertThat(published).hasSize(50);

        seen.addAll(resumed.take(48));
        assertThat(seen).extracting(SseTestClient.Message::numericId).containsExactlyElementsOf(published);
        Thread.sleep(Duration.ofMillis(300)); // a duplicate would arrive right behind the last event
        assertThat(resumed.drained()).isEmpty();
    }

    @Test
    void an_event_of_a_rolled_back_transaction_is_never_delivered_nor_stored() throws Exception {
        SseTestClient clientA = connect(userA, null);

        transactions.executeWithoutResult(status -> {
            publish(a, "crm.lead.deleted", "Annulé", Map.of());
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> publish(a, "crm.lead.created", "Validé", Map.of()));

        List<SseTestClient.Message> received = clientA.take(1);
        assertThat(received.getFirst().data()).contains("Validé");
        assertThat(clientA.drained()).isEmpty();
        assertThat(signedInAs(a, () -> feed.latest(10))).extracting(FeedEvent::summary).containsExactly("Validé");
    }

    @Test
    void an_invalid_last_event_id_is_refused_in_french() throws Exception {
        HttpResponse<Stream<String>> response = SseTestClient.request(port, userA, PASSWORD, "douze");
        String body = String.join("\n", response.body().toList());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body).contains("Last-Event-ID invalide");
    }

    @Test
    void heartbeats_flow_and_a_gone_client_is_cleaned_up() throws Exception {
        int before = fanout.subscriberCount(a.id());
        SseTestClient clientA = connect(userA, null);
        assertThat(fanout.subscriberCount(a.id())).isEqualTo(before + 1);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (clientA.comments() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(clientA.comments()).as("heartbeat comments").isGreaterThanOrEqualTo(3);

        clientA.close();
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (fanout.subscriberCount(a.id()) > before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(fanout.subscriberCount(a.id())).isEqualTo(before);
    }

    @Test
    void the_stored_feed_is_scoped_to_the_signed_in_tenant() {
        publish(a, "crm.lead.updated", "Seulement A", Map.of());
        publish(b, "crm.lead.updated", "Seulement B", Map.of());

        List<FeedEvent> seenByB = signedInAs(b, () -> feed.after(0, EventFeedService.MAX_PAGE));
        List<FeedEvent> latestOfB = signedInAs(b, () -> feed.latest(100));

        assertThat(seenByB).extracting(FeedEvent::summary).containsExactly("Seulement B");
        assertThat(latestOfB).extracting(FeedEvent::summary).containsExactly("Seulement B");
        assertThat(latestOfB).allMatch(e -> e.tenant().equals(b.id()));
    }

    private static <T> T signedInAs(Tenant tenant, java.util.function.Supplier<T> work) {
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        try {
            return work.get();
        } finally {
            TestTenants.signOut();
        }
    }
}
