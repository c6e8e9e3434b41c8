package fr.macrea.max.ui.security;

import fr.macrea.max.MaxApplication;
import fr.macrea.max.action.MutableClock;
import fr.macrea.max.security.NewUser;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.security.UserService;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestDatabase;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form login of the real application over real HTTP, as a browser and as a forging site would post it: the
 * CSRF token of the login page is required, a foreign Origin or Referer is refused, and wrong passwords lock the
 * address until the window has given an attempt back. Client addresses come from X-Forwarded-For, trusted from a
 * local proxy with {@code server.forward-headers-strategy=native}.
 */
@SpringBootTest(classes = {MaxApplication.class, MutableClock.Config.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"max.demo.enabled=false", "max.security.login.address-attempts=3",
                "max.security.login.account-attempts=5", "max.security.login.window=15m",
                "server.forward-headers-strategy=native"})
class FormLoginSecurityIT {

    private static final String PASSWORD = "motdepasse-formulaire";
    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_parameter)?)\" content=\"([^\"]+)\"");

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
    private String email;

    @BeforeEach
    void user() {
        if (tenant == null) {
            tenant = TestTenants.create(tenants, "Formulaire sûr", Plan.PRO);
        }
        email = "form" + ThreadLocalRandom.current().nextInt(1_000_000_000) + "@test.fr";
        SystemAuthentication.asPlatform(() -> {
            long id = users.create(new NewUser(email, "Utilisatrice formulaire", PASSWORD, false));
            users.grant(tenant.id(), id, Role.TENANT_USER);
            return id;
        });
        TestTenants.signOut();
    }

    /** One browser: its own cookies, redirects left to the test, one client address. */
    private final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        final String address = "10." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);

        String own() {
            return "http://127.0.0.1:" + port;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(own() + path)).header("X-Forwarded-For", address)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The CSRF token the login page hands to its form ({@code _csrf} meta tags, read by vaadin-login-form). */
        String token() throws Exception {
            HttpResponse<String> page = get("/login");
            assertThat(page.statusCode()).isEqualTo(200);
            Matcher meta = META.matcher(page.body());
            String parameter = null;
            String token = null;
            while (meta.find()) {
                if (meta.group(1).equals("_csrf")) {
                    token = meta.group(2);
                } else {
                    parameter = meta.group(2);
                }
            }
            assertThat(parameter).as("CSRF parameter meta tag").isEqualTo("_csrf");
            assertThat(token).as("CSRF token meta tag").isNotBlank();
            return token;
        }

        HttpResponse<String> post(String password, String token, String origin, String referer) throws Exception {
            String form = "username=" + enc(email) + "&password=" + enc(password)
                    + (token == null ? "" : "&_csrf=" + enc(token));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(own() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Forwarded-For", address)
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            if (origin != null) {
                request.header("Origin", origin);
            }
            if (referer != null) {
                request.header("Referer", referer);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Signed in: the application's shell is served instead of the way to the login page. */
        boolean signedIn() throws Exception {
            HttpResponse<String> home = get("/");
            return home.statusCode() == 200 && !home.body().contains("vaadin-login-form")
                    && home.headers().firstValue("Location").isEmpty();
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    @Test
    void a_forged_post_without_the_token_from_a_foreign_origin_signs_nobody_in() throws Exception {
        Browser victim = new Browser();

        HttpResponse<String> forged = victim.post(PASSWORD, null, "https://evil.example", null);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("le formulaire n'a pas été envoyé depuis M.A.X.");
        assertThat(victim.signedIn()).isFalse();
    }

    @Test
    void the_token_of_the_login_page_signs_in_and_a_missing_or_foreign_one_does_not() throws Exception {
        Browser noToken = new Browser();
        noToken.token(); // a session exists, but the post does not carry its token
        HttpResponse<String> withoutToken = noToken.post(PASSWORD, null, noToken.own(), null);
        assertThat(withoutToken.statusCode()).isEqualTo(302);
        assertThat(location(withoutToken)).endsWith("/login?expired");
        assertThat(noToken.signedIn()).isFalse();

        Browser foreignReferer = new Browser();
        String token = foreignReferer.token();
        HttpResponse<String> fromElsewhere = foreignReferer.post(PASSWORD, token, null, "https://evil.example/page");
        assertThat(fromElsewhere.statusCode()).isEqualTo(403);
        assertThat(foreignReferer.signedIn()).isFalse();

        Browser user = new Browser();
        HttpResponse<String> genuine = user.post(PASSWORD, user.token(), user.own(), user.own() + "/login");
        assertThat(genuine.statusCode()).isEqualTo(302);
        assertThat(location(genuine)).doesNotContain("/login");
        assertThat(user.signedIn()).isTrue();
    }

    @Test
    void wrong_passwords_lock_the_address_then_the_right_one_is_refused_until_an_attempt_is_back() throws Exception {
        Browser attacker = new Browser();
        String token = attacker.token();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> wrong = attacker.post("devine-" + i, token, attacker.own(), null);
            assertThat(location(wrong)).endsWith("/login?error");
        }

        HttpResponse<String> locked = attacker.post(PASSWORD, token, attacker.own(), null);
        assertThat(location(locked)).endsWith("/login?locked=5"); // one attempt per 15 min / 3
        assertThat(attacker.signedIn()).isFalse();

        // the same user from her own address is not locked out by the attacker's address
        Browser realUser = new Browser();
        assertThat(location(realUser.post(PASSWORD, realUser.token(), realUser.own(), null)))
                .doesNotContain("/login");

        clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> later = attacker.post(PASSWORD, token, attacker.own(), null);
        assertThat(location(later)).doesNotContain("/login");
        assertThat(attacker.signedIn()).isTrue();
    }

    @Test
    void a_mistyped_address_reaches_the_product_page_when_signed_in_and_the_login_page_otherwise() throws Exception {
        Browser anonymous = new Browser();
        HttpResponse<String> anonymousAnswer = anonymous.get("/nimportequoi");
        assertThat(anonymousAnswer.statusCode()).isEqualTo(302);
        assertThat(location(anonymousAnswer)).endsWith("/login");

        Browser user = new Browser();
        user.post(PASSWORD, user.token(), user.own(), user.own() + "/login");
        assertThat(user.signedIn()).isTrue();
        HttpResponse<String> unknown = user.get("/nimportequoi");
        // before: Spring Security refused any address that is not a view with its bare 403 page
        // now the application's page is served and Vaadin's router shows the product's not-found view in it
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).doesNotContain("vaadin-login-form");
        assertThat(location(unknown)).isEmpty();
    }
}
