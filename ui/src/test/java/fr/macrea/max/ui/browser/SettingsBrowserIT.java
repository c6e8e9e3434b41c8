package fr.macrea.max.ui.browser;

import fr.macrea.max.MaxApplication;
import fr.macrea.max.crm.EspoCrmFake;
import fr.macrea.max.security.NewUser;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.security.UserService;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestDatabase;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium, a tenant admin connects a fresh tenant to an EspoCRM (the WireMock fake of the adapter
 * contract suite) from tenant settings: "Tester la connexion", "Enregistrer et connecter", the background copy, and
 * the EspoCRM leads in the CRM tab. This is the path the Vaadin security-context strategy used to break. Screenshots
 * {@code settings-fr.png} and {@code settings-en.png} go to {@code ui/target/screenshots/}, copied to
 * {@code docs/screens/}. Runs when {@code MAX_BROWSER_TESTS=true}.
 */
@SpringBootTest(classes = MaxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "max.demo.enabled=true")
@EnabledIfEnvironmentVariable(named = "MAX_BROWSER_TESTS", matches = "true")
class SettingsBrowserIT {

    private static final String PASSWORD = "Connexion-2026!";

    @LocalServerPort
    int port;
    @Autowired
    TenantService tenants;
    @Autowired
    UserService users;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Test
    void aTenantAdminConnectsEspoCrmFromTheSettingsAndSeesItsLeadsInTheCrmTab() {
        Tenant tenant = TestTenants.create(tenants, "Boutique Connectée", Plan.PRO);
        String email = "admin" + System.nanoTime() + "@boutique-connectee.fr";
        SystemAuthentication.asPlatform(() -> {
            long id = users.create(new NewUser(email, "Camille Admin", PASSWORD, false));
            users.grant(tenant.id(), id, Role.TENANT_ADMIN);
            return null;
        });
        try (EspoCrmFake fake = new EspoCrmFake(); BrowserSession browser = new BrowserSession()) {
            fake.put("Lead", Map.of("firstName", "Apolline", "lastName", "Vasseur", "status", "New",
                    "accountName", "Fleurs Vasseur"));
            fake.put("Lead", Map.of("firstName", "Gaspard", "lastName", "Lemaire", "status", "In Process"));
            fake.put("Lead", Map.of("firstName", "Inès", "lastName", "Carpentier", "status", "New"));

            browser.open(url("/login"));
            browser.logIn(email, PASSWORD);
            browser.waitFor(By.id("tenant-name"));
            browser.open(url("/parametres"));
            browser.waitFor(By.id("settings-tabs"));
            assertThat(browser.text(By.id("espo-sync-summary")))
                    .isEqualTo("Ce compte utilise le CRM intégré de M.A.X. : aucune synchronisation.");

            type(browser, "espo-url", fake.baseUrl());
            type(browser, "espo-api-key", "mauvaise-cle");
            browser.waitFor(By.id("espo-test")).click();
            waitForText(browser, "espo-result", "EspoCRM refuse les identifiants");

            type(browser, "espo-api-key", EspoCrmFake.API_KEY);
            browser.waitFor(By.id("espo-test")).click();
            waitForText(browser, "espo-result", "Connexion réussie : EspoCRM répond et compte 3 leads.");

            browser.waitFor(By.id("espo-connect")).click();
            waitForText(browser, "espo-result", "EspoCRM est connecté");
            // the page polls while the copy runs, then shows the outcome
            waitForText(browser, "espo-sync-summary", "Dernière synchronisation réussie");
            assertThat(browser.text(By.id("espo-sync-summary"))).contains("3 fiches copiées · aucune erreur");
            assertThat(browser.text(By.id("espo-api-key-state"))).startsWith("Clé API : valeur enregistrée le ");
            // tall enough to show the form and the sync status in one picture
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1500));
            browser.screenshot("settings-fr");

            browser.open(url("/crm"));
            browser.waitFor(By.id("crm-grid"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> gridText(browser).contains("Vasseur"));
            assertThat(gridText(browser)).contains("Apolline", "Lemaire", "Carpentier");

            browser.chooseLanguage("EN");
            browser.open(url("/parametres"));
            browser.waitFor(By.id("settings-tabs"));
            waitForText(browser, "espo-sync-summary", "Last successful synchronisation");
            assertThat(browser.text(By.id("espo-test"))).isEqualTo("Test the connection");
            browser.screenshot("settings-en");
        }
    }

    /** Types into a Vaadin field's own input (inside its light DOM slot). */
    private static void type(BrowserSession browser, String id, String value) {
        WebElement input = browser.waitFor(By.cssSelector("#" + id + " input"));
        input.clear();
        input.sendKeys(value);
        // Vaadin sends the value on change (blur)
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input);
    }

    private static void waitForText(BrowserSession browser, String id, String fragment) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), fragment));
    }

    private static String gridText(BrowserSession browser) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("""
                return Array.from(document.querySelectorAll('#crm-grid vaadin-grid-cell-content'))
                    .map(c => c.textContent).join(' | ');""");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
