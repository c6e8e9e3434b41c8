package fr.macrea.max.ui.reporting;

import fr.macrea.max.ui.browser.BrowserSession;
import fr.macrea.max.MaxApplication;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.demo.DemoProperties;
import fr.macrea.max.demo.DemoTenant;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestDatabase;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.openqa.selenium.By;
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
 * In headless Chromium: log in, open Reporting, change a lead in another session (another user of the tenant,
 * through the CRM port), and the live feed shows it without reload (server push). Screenshot in
 * {@code ui/target/screenshots/reporting-live.png}. Runs when {@code MAX_BROWSER_TESTS=true}.
 */
@SpringBootTest(classes = MaxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "max.demo.enabled=true")
@EnabledIfEnvironmentVariable(named = "MAX_BROWSER_TESTS", matches = "true")
class ReportingBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    DemoProperties demo;
    @Autowired
    TenantService tenantService;
    @Autowired
    CrmGateway crm;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Test
    void leadChangedElsewhereAppearsInTheLiveFeedWithoutReload() {
        DemoTenant demoTenant = DemoTenant.ALL.getFirst();
        Tenant tenant = SystemAuthentication.asPlatform(() -> tenantService.list()).stream()
                .filter(t -> t.name().equals(demoTenant.name())).findFirst().orElseThrow();
        try (BrowserSession browser = new BrowserSession()) {
            browser.open("http://localhost:" + port + "/login");
            browser.logIn(demoTenant.userEmail(), demo.password());
            browser.waitFor(By.id("tenant-name"));
            browser.open("http://localhost:" + port + "/reporting");
            browser.waitFor(By.id("reporting-live"));
            String before = browser.text(By.id("reporting-live"));

            // another session: a colleague of the same tenant edits a lead
            TestTenants.signInAs(tenant, Role.TENANT_USER);
            String leadId;
            try {
                leadId = crm.create("Lead", Map.of("firstName", "Lina", "lastName", "Navigateur", "status", "New"), true);
                crm.update(EntityRef.lead(leadId), Map.of("status", "In Process"));
            } finally {
                TestTenants.signOut();
            }

            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
                    d.findElement(By.id("reporting-live")).getText().contains(leadId));
            String after = browser.text(By.id("reporting-live"));
            assertThat(after).contains(leadId).isNotEqualTo(before);
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('reporting-live').scrollIntoView({block: 'center'});");
            browser.screenshot("reporting-live");
        }
    }
}
