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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium, the one action card where a user meets it: on the CRM tab's lead card and in a Reporting
 * suggestion, in French and in English (the quote in the user's language, before any click charges). Screenshots go
 * to {@code ui/target/screenshots/} ({@code crm-lead-card-fr.png}, {@code reporting-suggestion-en.png}, ...), copied to
 * {@code docs/screens/}. Runs when {@code MAX_BROWSER_TESTS=true}.
 */
@SpringBootTest(classes = MaxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "max.demo.enabled=true")
@EnabledIfEnvironmentVariable(named = "MAX_BROWSER_TESTS", matches = "true")
class ActionCardScreensBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    DemoProperties demo;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Test
    void theLeadCardAndTheSuggestionShowTheSameActionCardInFrenchThenInEnglish() {
        DemoTenant tenant = DemoTenant.ALL.getFirst();
        try (BrowserSession browser = new BrowserSession()) {
            browser.open(url("/login"));
            browser.logIn(tenant.userEmail(), demo.password());
            browser.waitFor(By.id("tenant-name"));
            browser.chooseLanguage("FR"); // the demo user's remembered language may be another test's pick

            showLeadCard(browser);
            assertThat(browser.text(By.id("action-card-cost"))).startsWith("Coût estimé").contains("jetons");
            browser.screenshot("crm-lead-card-fr");
            showSuggestion(browser);
            assertThat(browser.text(By.id("action-card-cost"))).startsWith("Coût estimé");
            browser.screenshot("reporting-suggestion-fr");

            browser.open(url("/crm"));
            browser.chooseLanguage("EN");
            showLeadCard(browser);
            assertThat(browser.text(By.id("action-card-cost"))).startsWith("Estimated cost").contains("tokens");
            browser.screenshot("crm-lead-card-en");
            showSuggestion(browser);
            assertThat(browser.text(By.id("action-card-cost"))).startsWith("Estimated cost");
            browser.screenshot("reporting-suggestion-en");
            browser.chooseLanguage("FR"); // remembered for the shared demo user: give it back as found
        }
    }

    private void showLeadCard(BrowserSession browser) {
        browser.open(url("/crm"));
        browser.waitFor(By.id("crm-grid"));
        // the first body cell of the grid: its content is slotted into the light DOM, where a click selects the row
        WebElement cell = new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> (WebElement)
                ((JavascriptExecutor) d).executeScript("""
                        const td = document.getElementById('crm-grid').shadowRoot.querySelector('#items tr td');
                        const slot = td && td.querySelector('slot');
                        const nodes = slot ? slot.assignedNodes() : [];
                        return nodes.length && nodes[0].textContent.trim() ? nodes[0] : null;"""));
        cell.click();
        browser.waitFor(By.id("lead-card-analyse"));
        browser.waitFor(By.id("action-card-cost"));
    }

    private void showSuggestion(BrowserSession browser) {
        browser.open(url("/reporting"));
        WebElement create = browser.waitFor(By.cssSelector(".reporting-suggestion vaadin-button"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", create);
        create.click();
        browser.waitFor(By.id("suggestion-dialog"));
        browser.waitFor(By.id("action-card-cost"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
