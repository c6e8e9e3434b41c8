package fr.macrea.max.ui.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Headless Debian Chromium driven by chromedriver, with the flags this machine needs (STACK.md trap 11): no tool
 * downloads its own browser here.
 */
public final class BrowserSession implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final Path profile;

    public BrowserSession() {
        try {
            profile = Files.createTempDirectory("max-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,900", "--lang=fr-FR",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    public void open(String url) {
        driver.get(url);
    }

    /**
     * Fills the Vaadin login form and submits it with the Enter key, as a user may: a click on the button can land
     * on whatever development-mode layer (Vaadin's Copilot, its notifications) happens to lie over it.
     */
    public void logIn(String email, String password) {
        WebElement user = waitFor(By.cssSelector("vaadin-login-form input[name='username']"));
        user.sendKeys(email);
        WebElement secret = driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        secret.sendKeys(password);
        secret.sendKeys(org.openqa.selenium.Keys.ENTER);
    }

    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public void waitForUrlContaining(String fragment) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains(fragment));
    }

    public String text(By locator) {
        return waitFor(locator).getText();
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Picks a language in the header's select ("FR", "EN") as a user would: a client-side change, which the server
     * remembers for the user and answers with a reload. Nothing happens when it is already the language.
     */
    public void chooseLanguage(String label) {
        WebElement language = waitFor(By.id("language"));
        Boolean changed = (Boolean) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                const select = document.getElementById('language');
                const item = Array.from(select.items || []).find(i => i.label === arguments[0]);
                const value = item ? item.value : (arguments[0] === 'EN' ? '2' : '1');
                if (select.value === value) { return false; }
                select.value = value;
                return true;""", label);
        if (Boolean.TRUE.equals(changed)) {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(language));
            waitFor(By.id("tenant-name"));
        }
    }

    /**
     * Forgets the session, as a new visitor. The open page is left first: a live Vaadin page keeps talking to the
     * server (push, heartbeat, the requests of its unload), and one of those, sent after the cookies were deleted,
     * opens a new session whose cookie replaces the one of the login page opened next, whose form then answers
     * "page de connexion expirée" (its CSRF token belongs to the other session).
     */
    public void deleteCookies() {
        driver.get("about:blank");
        // about:blank has no domain of its own: WebDriver's deleteAllCookies would delete nothing from here
        ((org.openqa.selenium.chromium.ChromiumDriver) driver).executeCdpCommand("Network.clearBrowserCookies",
                java.util.Map.of());
    }

    /** For what the helpers do not cover (scripts, custom waits). */
    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
