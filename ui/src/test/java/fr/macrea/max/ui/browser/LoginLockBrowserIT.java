package fr.macrea.max.ui.browser;

import fr.macrea.max.MaxApplication;
import fr.macrea.max.security.NewUser;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.security.UserService;
import fr.macrea.max.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a throttled user sees in a real browser: after the address's failed attempts, even the right password
 * leads back to the French login page with "Trop de tentatives" and the minutes to wait. Screenshot
 * {@code ui/target/screenshots/login-locked.png}.
 */
@SpringBootTest(classes = MaxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"max.demo.enabled=false", "max.security.login.address-attempts=2",
                "max.security.login.account-attempts=4", "max.security.login.window=10m"})
@EnabledIfEnvironmentVariable(named = "MAX_BROWSER_TESTS", matches = "true")
class LoginLockBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Test
    void theRightPasswordAfterTooManyWrongOnesShowsWhenToRetry() {
        String email = "verrou" + ThreadLocalRandom.current().nextInt(1_000_000_000) + "@test.fr";
        SystemAuthentication.asPlatform(() -> users.create(new NewUser(email, "Verrou", "motdepasse-verrou", false)));
        try (BrowserSession browser = new BrowserSession()) {
            for (int i = 0; i < 2; i++) {
                browser.deleteCookies();
                browser.open(url("/login"));
                browser.logIn(email, "mauvais-" + i);
                browser.waitForUrlContaining("error");
            }
            browser.deleteCookies();
            browser.open(url("/login"));
            browser.logIn(email, "motdepasse-verrou");

            browser.waitForUrlContaining("locked=5");
            String form = browser.text(By.cssSelector("vaadin-login-form"));
            assertThat(form).contains("Trop de tentatives").contains("Réessayez dans 5 minutes");
            browser.screenshot("login-locked");
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
