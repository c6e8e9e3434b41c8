package fr.macrea.max.ui.browser;

import fr.macrea.max.MaxApplication;
import fr.macrea.max.security.Invitation;
import fr.macrea.max.security.InvitationService;
import fr.macrea.max.security.Invitee;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestDatabase;
import fr.macrea.max.testing.TestTenants;
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

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An invited admin opens their one-time link in a real browser, signed in nowhere, chooses a password, and signs
 * in to their new tenant with it; the link then no longer works.
 */
@SpringBootTest(classes = MaxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "max.demo.enabled=false")
@EnabledIfEnvironmentVariable(named = "MAX_BROWSER_TESTS", matches = "true")
class InvitationBrowserIT {

    private static final String PASSWORD = "Les-mille-et-une-nuits-8";
    private static BrowserSession browser;

    @LocalServerPort
    int port;
    @Autowired
    TenantService tenants;
    @Autowired
    InvitationService invitations;

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
    void anInviteeSetsTheirPasswordThroughTheLinkThenSignsIn() {
        Tenant tenant = TestTenants.create(tenants, "Maison Navigateur", Plan.STANDARD);
        String email = "ines." + UUID.randomUUID().toString().substring(0, 8) + "@navigateur.fr";
        Invitation invitation = SystemAuthentication.asPlatform(() ->
                invitations.inviteFirstAdmin(tenant.id(), new Invitee(email, "Inès Navigateur")));
        String link = "http://localhost:" + port + "/invitation/" + invitation.token().orElseThrow();

        browser.deleteCookies();
        browser.open(link);
        assertThat(browser.text(By.id("invitation"))).contains("Bienvenue, Inès Navigateur", email, "Maison Navigateur");
        browser.waitFor(By.cssSelector("#invitation-password input")).sendKeys(PASSWORD);
        browser.driver().findElement(By.cssSelector("#invitation-confirm input")).sendKeys(PASSWORD);
        browser.screenshot("invitation-form");
        browser.driver().findElement(By.id("accept-invitation")).click();
        assertThat(browser.text(By.id("invitation-done"))).contains(email);

        browser.driver().findElement(By.id("go-to-login")).click();
        browser.waitForUrlContaining("/login");
        browser.logIn(email, PASSWORD);
        assertThat(browser.text(By.id("tenant-name"))).isEqualTo("Maison Navigateur");
        browser.screenshot("invitation-signed-in");

        // the link is spent, even for someone signed out
        browser.deleteCookies();
        browser.open(link);
        assertThat(browser.text(By.id("invitation-error"))).contains("déjà servi");
    }
}
