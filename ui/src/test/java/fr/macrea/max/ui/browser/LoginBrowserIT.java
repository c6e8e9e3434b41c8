package fr.macrea.max.ui.browser;

import fr.macrea.max.MaxApplication;
import fr.macrea.max.demo.DemoProperties;
import fr.macrea.max.demo.DemoTenant;
import fr.macrea.max.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real login in a real browser: each demo login lands in its own tenant's shell; a wrong password stays on
 * the French login page. Screenshots go to {@code ui/target/screenshots/}. Run by {@code ./max test}, which
 * installs Chromium and sets {@code MAX_BROWSER_TESTS=true}.
 */
@SpringBootTest(classes = MaxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "max.demo.enabled=true")
@EnabledIfEnvironmentVariable(named = "MAX_BROWSER_TESTS", matches = "true")
class LoginBrowserIT {

    private static BrowserSession browser;

    @LocalServerPort
    int port;
    @Autowired
    DemoProperties demo;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @BeforeAll
    static void startBrowser() {
        browser = new BrowserSession();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void eachDemoLoginLandsInItsTenantsShell() {
        for (DemoTenant tenant : DemoTenant.ALL) {
            for (String email : new String[]{tenant.adminEmail(), tenant.userEmail()}) {
                browser.deleteCookies();
                browser.open(url("/"));
                browser.waitForUrlContaining("/login");
                assertThat(browser.text(By.cssSelector("vaadin-login-form"))).contains("Connexion");

                browser.logIn(email, demo.password());

                assertThat(browser.text(By.id("tenant-name"))).isEqualTo(tenant.name());
                assertThat(browser.text(By.id("home-title"))).contains(tenant.name());
                browser.screenshot("shell-" + email.replaceAll("[^a-z0-9]+", "-"));
            }
        }
    }

    @Test
    void aWrongPasswordKeepsTheVisitorOnTheFrenchLoginPage() {
        browser.deleteCookies();
        browser.open(url("/login"));

        browser.logIn(DemoTenant.ALL.getFirst().adminEmail(), "mauvais-mot-de-passe");

        browser.waitForUrlContaining("error");
        assertThat(browser.text(By.cssSelector("vaadin-login-form"))).contains("Identifiants incorrects");
        browser.screenshot("login-error");
        browser.open(url("/"));
        browser.waitForUrlContaining("/login");
    }

    @Test
    void thePlatformAdminLandsInTheConsoleWithTheThreeDemoTenants() {
        browser.deleteCookies();
        browser.open(url("/login"));

        browser.logIn(DemoTenant.PLATFORM_ADMIN_EMAIL, demo.password());

        String grid = browser.text(By.id("tenants-grid"));
        DemoTenant.ALL.forEach(t -> assertThat(grid).contains(t.name()));
        browser.screenshot("console");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
