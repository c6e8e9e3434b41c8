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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caps on open SSE streams over real HTTP: per user and per tenant, 429 with a JSON error beyond, and a stream
 * that ends (here: its client goes away) frees its slot.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"max.events.heartbeat=200ms", "max.events.max-streams-per-user=2",
                "max.events.max-streams-per-tenant=3"})
class EventStreamCapsIT {

    private static final String PASSWORD = "motdepasse-caps";

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
    EventStreamController controller;

    private final List<SseTestClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(SseTestClient::close);
        TestTenants.signOut();
    }

    private String user(Tenant tenant) {
        String email = "caps" + ThreadLocalRandom.current().nextInt(1_000_000_000) + "@test.fr";
        SystemAuthentication.asPlatform(() -> {
            long id = users.create(new NewUser(email, "Abonné " + tenant.name(), PASSWORD, false));
            users.grant(tenant.id(), id, Role.TENANT_USER);
            return id;
        });
        return email;
    }

    private SseTestClient open(String email) throws Exception {
        SseTestClient client = SseTestClient.connect(port, email, PASSWORD, null);
        clients.add(client);
        return client;
    }

    private record Refusal(int status, String contentType, String body) {
    }

    private Refusal refused(String email) throws Exception {
        HttpResponse<Stream<String>> response = SseTestClient.request(port, email, PASSWORD, null);
        if (response.statusCode() == 200) {
            response.body().close(); // accepted: an endless stream, nothing to read
            return new Refusal(200, "", "");
        }
        String body;
        try (Stream<String> lines = response.body()) {
            body = String.join("\n", lines.toList());
        }
        return new Refusal(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
    }

    @Test
    void one_stream_over_the_users_cap_gets_429_and_a_closed_stream_frees_its_slot() throws Exception {
        Tenant tenant = TestTenants.create(tenants, "Flux plafonné", Plan.PRO);
        String email = user(tenant);
        SseTestClient first = open(email);
        open(email);

        Refusal third = refused(email);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.contentType()).startsWith("application/json");
        assertThat(third.body()).contains("\"key\":\"event.stream.too-many-user\"")
                .contains("Trop de flux d'événements ouverts pour cet utilisateur (au plus 2)");

        first.close(); // the client goes away without a word: the server notices at the next heartbeat
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (controller.slotsOf(tenant.id()) > 1 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(open(email)).isNotNull();
        assertThat(refused(email).status()).isEqualTo(429);
    }

    @Test
    void the_tenants_cap_holds_for_all_its_users_and_never_reaches_another_tenant() throws Exception {
        Tenant capped = TestTenants.create(tenants, "Flux plein", Plan.PRO);
        Tenant other = TestTenants.create(tenants, "Flux voisin", Plan.PRO);
        String first = user(capped);
        String second = user(capped);
        String third = user(capped);
        open(first);
        open(first);
        open(second); // three streams: the tenant's cap

        Refusal refusal = refused(third);
        assertThat(refusal.status()).isEqualTo(429);
        assertThat(refusal.body()).contains("\"key\":\"event.stream.too-many-tenant\"");

        String neighbour = user(other);
        open(neighbour);
        open(neighbour);
        assertThat(controller.slotsOf(other.id())).isEqualTo(2);
    }
}
