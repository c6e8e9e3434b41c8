package fr.macrea.max.ui.event;

import fr.macrea.max.MaxApplication;
import fr.macrea.max.event.TenantEvent;
import fr.macrea.max.security.NewUser;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.security.UserService;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.shared.TenantId;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestDatabase;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SSE endpoint inside the real application (Vaadin servlet and its security chain next to the API chain):
 * HTTP Basic reaches {@code /api/v1/events} and the stream carries the tenant's events.
 */
@SpringBootTest(classes = MaxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "max.demo.enabled=false")
class EventStreamInAppIT {

    record Event(TenantId tenant, String type, String summary, Instant occurredAt, Map<String, Object> data)
            implements TenantEvent {
    }

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

    @Test
    void a_tenant_user_follows_the_stream_with_http_basic() throws Exception {
        Tenant tenant = TestTenants.create(tenants, "Flux appli", Plan.PRO);
        String email = "appli" + ThreadLocalRandom.current().nextInt(1_000_000_000) + "@test.fr";
        SystemAuthentication.asPlatform(() -> {
            long id = users.create(new NewUser(email, "Abonné", "motdepasse-appli", false));
            users.grant(tenant.id(), id, Role.TENANT_USER);
            return id;
        });
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/events");

        HttpResponse<Void> anonymous = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
        // no stream without credentials: a 401 with the Basic challenge, not the UI's redirect to the login page
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));
        HttpResponse<Void> wrongPassword = http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (email + ":mauvais").getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(wrongPassword.statusCode()).isEqualTo(401);

        String basic = Base64.getEncoder().encodeToString((email + ":motdepasse-appli").getBytes(StandardCharsets.UTF_8));
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + basic).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));

        publisher.publishEvent(new Event(tenant.id(), "action.completed", "Analyse IA terminée", Instant.now(), Map.of()));

        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            String data = null;
            while (data == null && it.hasNext()) {
                String line = it.next();
                if (line.startsWith("data:")) {
                    data = line;
                }
            }
            assertThat(data).contains("\"type\":\"action.completed\"").contains("Analyse IA terminée");
        }
    }
}
