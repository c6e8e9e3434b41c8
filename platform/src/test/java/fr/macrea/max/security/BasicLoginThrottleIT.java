package fr.macrea.max.security;

import fr.macrea.max.PlatformTestApplication;
import fr.macrea.max.action.MutableClock;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP Basic on the real server: wrong passwords lock the address (429 with Retry-After, even for the right
 * password) until the window has given an attempt back; other addresses and accounts are not affected. Client
 * addresses are set with X-Forwarded-For, which the server trusts from a local proxy with
 * {@code server.forward-headers-strategy=native}, as in production behind a reverse proxy.
 */
@SpringBootTest(classes = {PlatformTestApplication.class, MutableClock.Config.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"max.security.login.address-attempts=4", "max.security.login.account-attempts=6",
                "max.security.login.window=12m", "server.forward-headers-strategy=native"})
class BasicLoginThrottleIT {

    private static final String PASSWORD = "motdepasse-basic";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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
    MutableClock clock;

    private static Tenant tenant; // one for the class: provisioning a tenant's CRM schema takes seconds

    @BeforeEach
    void tenant() {
        if (tenant == null) {
            tenant = TestTenants.create(tenants, "Verrou Basic", Plan.PRO);
        }
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    private String user() {
        String email = "basic" + ThreadLocalRandom.current().nextInt(1_000_000_000) + "@test.fr";
        SystemAuthentication.asPlatform(() -> {
            long id = users.create(new NewUser(email, "Utilisateur Basic", PASSWORD, false));
            users.grant(tenant.id(), id, Role.TENANT_USER);
            return id;
        });
        return email;
    }

    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** Status, headers and (for refusals) body of one answer. */
    private record Answer(int statusCode, HttpHeaders headers, String body) {
    }

    /** A GET of the event stream, closed right after the status line and headers. */
    private Answer get(String email, String password, String address) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("X-Forwarded-For", address)
                .timeout(Duration.ofSeconds(20))
                .GET().build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        String body = "";
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) { // a 200 is an endless event stream
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return new Answer(response.statusCode(), response.headers(), body);
    }

    @Test
    void wrong_passwords_then_the_right_one_is_refused_while_locked_and_accepted_once_an_attempt_is_back()
            throws Exception {
        String email = user();
        String attacker = address();
        for (int i = 0; i < 4; i++) {
            assertThat(get(email, "devine-" + i, attacker).statusCode()).isEqualTo(401);
        }

        Answer locked = get(email, PASSWORD, attacker);
        assertThat(locked.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 181L); // one attempt per 12 min / 4
        assertThat(locked.body()).contains("Trop de tentatives de connexion").contains("security.login.throttled");

        clock.advance(Duration.ofSeconds(retryAfter));
        assertThat(get(email, PASSWORD, attacker).statusCode()).isEqualTo(200);
    }

    @Test
    void the_lock_of_one_address_leaves_the_same_user_elsewhere_and_other_users_alone() throws Exception {
        String email = user();
        String other = user();
        String attacker = address();
        for (int i = 0; i < 5; i++) {
            get(email, "devine-" + i, attacker);
        }
        assertThat(get(email, PASSWORD, attacker).statusCode()).isEqualTo(429);

        assertThat(get(email, PASSWORD, address()).statusCode()).isEqualTo(200);
        assertThat(get(other, PASSWORD, address()).statusCode()).isEqualTo(200);
    }

    @Test
    void every_attempt_counts_once_so_three_typos_still_let_the_user_in() throws Exception {
        String email = user();
        String home = address();
        for (int i = 0; i < 3; i++) {
            assertThat(get(email, "faute-de-frappe-" + i, home).statusCode()).isEqualTo(401);
        }
        assertThat(get(email, PASSWORD, home).statusCode()).isEqualTo(200);
    }

    @Test
    void guesses_spread_over_addresses_lock_the_account_for_every_address() throws Exception {
        String email = user();
        for (int i = 0; i < 6; i++) {
            assertThat(get(email, "devine-" + i, address()).statusCode()).isEqualTo(401);
        }
        Answer locked = get(email, PASSWORD, address());
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    }
}
