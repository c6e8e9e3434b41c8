package fr.macrea.max.ui.browser;

import fr.macrea.max.MaxApplication;
import fr.macrea.max.demo.DemoProperties;
import fr.macrea.max.demo.DemoTenant;
import fr.macrea.max.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium, the Fiche métier screen of the demo logistics tenant: the Logistique project, proposed,
 * validated with its field count, applied (the page follows the steps), the CRM tab's new view, then undone to leave
 * the demo data as found; in French and in English. Screenshots ({@code fiche-metier-fr.png},
 * {@code fiche-metier-applied-fr.png}, {@code crm-vue-metier-fr.png}, {@code fiche-metier-en.png}) go to
 * {@code ui/target/screenshots/}, copied to {@code docs/screens/}. Runs when {@code MAX_BROWSER_TESTS=true}.
 */
@SpringBootTest(classes = MaxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "max.demo.enabled=true")
@EnabledIfEnvironmentVariable(named = "MAX_BROWSER_TESTS", matches = "true")
class FieldsRebuildBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    DemoProperties demo;
    @Autowired
    fr.macrea.max.tenant.TenantService tenants;
    @Autowired
    fr.macrea.max.brain.BrainActivationService activations;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("max.brains.dir", fr.macrea.max.fields.BuiltBrains.FOLDER::toString);
        registry.add("max.brains.watch", () -> "false");
    }

    @Test
    void anAdminAppliesTheLogistiqueRecordSeesItInTheCrmTabAndUndoesIt() {
        DemoTenant logistics = DemoTenant.ALL.stream().filter(t -> t.verticals().contains("logistique")).findFirst()
                .orElseThrow();
        // the demo data may have been seeded by another test's context, without the brain jars loaded: the
        // tenant's vertical is activated here as the console would (idempotent)
        fr.macrea.max.security.SystemAuthentication.asPlatform(() -> {
            activations.activate(tenants.findBySlug(logistics.slug()).orElseThrow().id(), "logistique");
            return null;
        });
        try (BrowserSession browser = new BrowserSession()) {
            browser.open(url("/login"));
            browser.logIn(logistics.adminEmail(), demo.password());
            browser.waitFor(By.id("tenant-name"));
            browser.chooseLanguage("FR");

            browser.open(url("/fiche-metier"));
            browser.waitFor(By.id("fields-grid"));
            assertThat(browser.text(By.id("fields-summary"))).startsWith("17 champ(s) à ajouter");
            // in Conseil (the demo admin's mode may be another test's pick) the card refuses: Assisté makes a draft
            click(browser, browser.waitFor(By.id("mode-selector")));
            click(browser, browser.waitFor(By.id("mode-item-ASSISTE")));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
                    browser.waitFor(By.id("action-confirm")).getAttribute("disabled") == null);
            browser.screenshot("fiche-metier-fr");

            click(browser, browser.waitFor(By.id("action-confirm")));
            WebElement count = browser.waitFor(By.cssSelector("#fields-confirm-count input"));
            count.sendKeys("17" + org.openqa.selenium.Keys.TAB); // the value reaches the server on change
            click(browser, browser.waitFor(By.id("fields-apply")));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(90)).until(d ->
                    browser.text(By.id("fields-project-status")).equals("Appliquée"));
            browser.screenshot("fiche-metier-applied-fr");

            browser.open(url("/crm"));
            WebElement view = browser.waitFor(By.id("crm-view"));
            click(browser, view);
            click(browser, browser.waitFor(By.xpath("//vaadin-select-item[contains(., 'Colis en cours')]")));
            browser.waitFor(By.id("crm-custom-cStatutColis"));
            browser.screenshot("crm-vue-metier-fr");

            browser.open(url("/fiche-metier"));
            click(browser, browser.waitFor(By.cssSelector("[id^='fields-undo-']")));
            click(browser, browser.waitFor(By.id("fields-undo-confirm")));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
                    browser.text(By.id("fields-history")).contains("Annulée"));

            browser.chooseLanguage("EN");
            browser.open(url("/fiche-metier"));
            browser.waitFor(By.id("fields-grid"));
            assertThat(browser.text(By.id("fields-summary"))).startsWith("17 field(s) to add");
            browser.screenshot("fiche-metier-en");
            browser.chooseLanguage("FR");
        }
    }

    private static void click(BrowserSession browser, WebElement element) {
        // a script click: the development mode's overlay (copilot) may sit over a button at the window's corner
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
