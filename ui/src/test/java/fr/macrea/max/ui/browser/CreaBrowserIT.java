package fr.macrea.max.ui.browser;

import fr.macrea.max.MaxApplication;
import fr.macrea.max.demo.DemoProperties;
import fr.macrea.max.demo.DemoTenant;
import fr.macrea.max.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium, Espace Créa from model to scheduled send, as the demo e-commerce admin in Auto: the
 * newsletter "Annonce produit" written for a topic, its image slot filled by an upload, previewed as a real lead,
 * saved as an EmailTemplate through the action card (double confirmation), then "Planifier l'envoi": the audience's
 * dry run (sent / excluded by reason), the strong confirmation of the send, and the send in the Envoi list; the
 * screen again in English. Screenshots ({@code crea-fr.png}, {@code crea-preview-fr.png},
 * {@code envoi-dialog-fr.png}, {@code envoi-fr.png}, {@code crea-en.png}) go to {@code ui/target/screenshots/},
 * copied to {@code docs/screens/}. Runs when {@code MAX_BROWSER_TESTS=true}.
 */
@SpringBootTest(classes = MaxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "max.demo.enabled=true")
@EnabledIfEnvironmentVariable(named = "MAX_BROWSER_TESTS", matches = "true")
class CreaBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    DemoProperties demo;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Test
    void anAdminWritesANewsletterFillsItsImageSavesItAndSchedulesItsSend() throws Exception {
        DemoTenant shop = DemoTenant.ALL.stream().filter(t -> t.verticals().contains("ecommerce")).findFirst()
                .orElseThrow();
        Path image = pngFile();
        try (BrowserSession browser = new BrowserSession()) {
            browser.open(url("/login"));
            browser.logIn(shop.adminEmail(), demo.password());
            browser.waitFor(By.id("tenant-name"));
            browser.chooseLanguage("FR");
            browser.open(url("/crea"));
            click(browser, browser.waitFor(By.id("mode-selector")));
            click(browser, browser.waitFor(By.id("mode-item-AUTO")));

            browser.waitFor(By.id("crea-model"));
            WebElement topic = browser.waitFor(By.cssSelector("#crea-topic input"));
            topic.sendKeys("Sérum éclat vitamine C" + Keys.TAB);
            click(browser, browser.waitFor(By.id("crea-write")));
            browser.waitFor(By.id("crea-body"));
            // the model's image slot blocks the save until an image is uploaded
            assertThat(browser.text(By.id("crea-problems"))).contains("image");
            WebElement upload = browser.waitFor(By.id("crea-upload-0"));
            WebElement input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
            input.sendKeys(image.toString());
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
                    d.findElements(By.cssSelector("#crea-problems p")).isEmpty());
            browser.screenshot("crea-fr");

            WebElement lead = browser.waitFor(By.cssSelector("#crea-preview-lead input"));
            click(browser, lead);
            lead.sendKeys(Keys.ARROW_DOWN);
            click(browser, browser.waitFor(By.cssSelector("vaadin-combo-box-item")));
            click(browser, browser.waitFor(By.id("crea-preview-show")));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
                    !browser.text(By.id("crea-preview-body")).isBlank());
            assertThat(browser.text(By.id("crea-preview-body"))).contains("Sérum éclat vitamine C")
                    .doesNotContain("{Lead.firstName}");
            browser.screenshot("crea-preview-fr");

            click(browser, browser.waitFor(By.id("action-confirm")));
            click(browser, browser.waitFor(By.id("action-confirm-again")));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
                    browser.waitFor(By.id("crea-schedule")).isDisplayed());
            assertThat(browser.text(By.id("crea-saved"))).isNotBlank();

            click(browser, browser.waitFor(By.id("crea-schedule")));
            browser.waitFor(By.id("outbound-dialog"));
            click(browser, browser.waitFor(By.id("outbound-plan")));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
                    !browser.text(By.id("outbound-plan-summary")).isBlank());
            String plan = browser.text(By.id("outbound-plan-summary"));
            assertThat(plan).containsPattern("\\d+").contains("exclu");
            browser.screenshot("envoi-dialog-fr");

            click(browser, browser.waitFor(By.id("action-confirm")));
            click(browser, browser.waitFor(By.id("action-confirm-again")));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d ->
                    browser.text(By.id("outbound-sends")).contains("Sérum éclat vitamine C"));
            browser.screenshot("envoi-fr");

            browser.chooseLanguage("EN");
            browser.open(url("/crea"));
            browser.waitFor(By.id("crea-model"));
            browser.screenshot("crea-en");
            browser.chooseLanguage("FR");
        }
    }

    private static Path pngFile() throws Exception {
        BufferedImage picture = new BufferedImage(600, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(new Color(0xF4, 0xE1, 0xD2));
        g.fillRect(0, 0, 600, 300);
        g.setColor(new Color(0xC0, 0x6C, 0x84));
        g.fillOval(200, 50, 200, 200);
        g.dispose();
        Path file = Files.createTempFile("serum-", ".png");
        ImageIO.write(picture, "png", file.toFile());
        file.toFile().deleteOnExit();
        return file;
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
