package fr.macrea.max.ui.security;

import fr.macrea.max.MaxApplication;
import fr.macrea.max.security.NewUser;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.security.UserService;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.RawHttp;
import fr.macrea.max.testing.TestDatabase;
import fr.macrea.max.testing.TestTenants;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/} inside the real application, next to the Vaadin servlet: unknown API paths answer a JSON 404 instead
 * of falling through to the Vaadin page, and no call under {@code /api/} (unknown, webhook, authenticated, failing)
 * ever creates an HTTP session; the container's own limits follow {@code max.http.max-body-size}.
 */
@SpringBootTest(classes = {MaxApplication.class, ApiBoundaryInAppIT.Sessions.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "max.demo.enabled=false")
class ApiBoundaryInAppIT {

    private static final String PASSWORD = "motdepasse-api";
    private static final String UNKNOWN_HOOK = "/api/hooks/espocrm/0123456789abcdef0123456789abcdef";

    /** Counts the sessions the server creates, whoever creates them. */
    @TestConfiguration
    static class Sessions {
        static final AtomicInteger CREATED = new AtomicInteger();

        @Bean
        HttpSessionListener countingSessions() {
            return new HttpSessionListener() {
                @Override
                public void sessionCreated(HttpSessionEvent event) {
                    CREATED.incrementAndGet();
                }
            };
        }
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
    WebServerApplicationContext server;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String member;
    private String withoutTenant;

    @BeforeEach
    void users() {
        Tenant tenant = TestTenants.create(tenants, "Api appli", Plan.PRO);
        member = "api" + ThreadLocalRandom.current().nextInt(1_000_000_000) + "@test.fr";
        withoutTenant = "sans" + ThreadLocalRandom.current().nextInt(1_000_000_000) + "@test.fr";
        SystemAuthentication.asPlatform(() -> {
            long id = users.create(new NewUser(member, "Membre", PASSWORD, false));
            users.grant(tenant.id(), id, Role.TENANT_USER);
            users.create(new NewUser(withoutTenant, "Sans tenant", PASSWORD, false));
            return id;
        });
    }

    @Test
    void unknown_api_paths_answer_a_json_404_not_the_vaadin_page() throws Exception {
        for (String path : new String[]{"/api/hooks/nothing-here", "/api/hooks/espocrm", UNKNOWN_HOOK}) {
            HttpResponse<String> response = get(path, null);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).as(path).contains("\"key\":\"http.error.not-found\"")
                    .contains("\"error\":\"Aucune ressource de l'API à cette adresse.\"");
        }
        HttpResponse<String> signedIn = get("/api/v2/leads", basic(member, PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(404);
        assertThat(signedIn.body()).contains("\"key\":\"http.error.not-found\"");
    }

    @Test
    void no_call_under_api_creates_a_session() throws Exception {
        int before = Sessions.CREATED.get();
        Map<String, HttpResponse<?>> calls = new java.util.LinkedHashMap<>();
        calls.put("unknown path", get("/api/nothing-here", basic(member, PASSWORD)));
        calls.put("unknown path under hooks", get("/api/hooks/nothing-here", null));
        calls.put("unknown hook", post(UNKNOWN_HOOK, Map.of("Signature", "d2gxOmFiYw=="), "[]"));
        calls.put("unsigned hook", post(UNKNOWN_HOOK, Map.of(), "[]"));
        calls.put("anonymous", get("/api/v1/events", null));
        calls.put("wrong password", get("/api/v1/events", basic(member, "mauvais")));
        calls.put("no tenant", get("/api/v1/events", basic(withoutTenant, PASSWORD)));
        calls.put("bad Last-Event-ID", http.send(request("/api/v1/events", basic(member, PASSWORD))
                .header("Last-Event-ID", "pas-un-nombre").build(), HttpResponse.BodyHandlers.ofString()));
        HttpResponse<InputStream> stream = http.send(request("/api/v1/events", basic(member, PASSWORD))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        stream.body().close();
        calls.put("event stream", stream);

        RawHttp.Answer tooLarge = RawHttp.send(port, "POST", UNKNOWN_HOOK.replace("0123", "abcd"),
                Map.of("Signature", "d2gxOmFiYw=="), 64L << 20, true);

        assertThat(calls).extractingFromEntries(e -> e.getKey() + " " + e.getValue().statusCode())
                .containsExactly("unknown path 404", "unknown path under hooks 404", "unknown hook 401",
                        "unsigned hook 401", "anonymous 401", "wrong password 401", "no tenant 403",
                        "bad Last-Event-ID 400", "event stream 200");
        calls.forEach((name, response) -> assertThat(response.headers().allValues("Set-Cookie")).as(name)
                .noneMatch(cookie -> cookie.startsWith("JSESSIONID")));
        assertThat(tooLarge.status()).isEqualTo(401);
        assertThat(tooLarge.header("Set-Cookie")).isNull();
        assertThat(Sessions.CREATED.get() - before).as("sessions created under /api/").isZero();
    }

    @Test
    void tomcats_own_limits_follow_the_api_body_limit() {
        Connector connector = ((TomcatWebServer) server.getWebServer()).getTomcat().getConnector();

        // the ui application runs on Tomcat: it swallows at most 1 MiB of a refused body, and parses forms up to it
        assertThat(connector.getProperty("maxSwallowSize")).isEqualTo(1 << 20);
        assertThat(connector.getMaxPostSize()).isEqualTo(1 << 20);
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        return http.send(request(path, authorization).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder builder = request(path, null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String email, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
