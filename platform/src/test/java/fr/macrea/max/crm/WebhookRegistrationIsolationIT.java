package fr.macrea.max.crm;

import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook registrations are per tenant: tenant B registering the same EspoCRM webhook id neither replaces nor reads
 * tenant A's registration, and A's secret does not open B's hook URL.
 */
@TestPropertySource(properties = {
        "max.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "max.crm.sync.scheduled=false"})
class WebhookRegistrationIsolationIT extends PlatformIT {

    private static final String WEBHOOK_ID = "6b04cdaec6a7236b7";

    @Autowired
    TenantService tenants;
    @Autowired
    CrmConnectionService service;
    @Autowired
    EspoConnections connections;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void tenantBsRegistrationOfTheSameWebhookIdLeavesTenantAsAlone() {
        Tenant a = TestTenants.create(tenants, "Hook A", Plan.PRO);
        Tenant b = TestTenants.create(tenants, "Hook B", Plan.PRO);
        TestTenants.signInAs(a, Role.TENANT_ADMIN);
        connections.save(settings("https://a.example"));
        service.registerWebhook(WEBHOOK_ID, "Lead.update", "secret-of-a");

        TestTenants.signInAs(b, Role.TENANT_ADMIN);
        String hookOfB = connections.save(settings("https://b.example"));
        assertThat(connections.webhook(WEBHOOK_ID)).as("B cannot read A's registration").isEmpty();
        assertThat(connections.webhookEvents()).isEmpty();
        service.registerWebhook(WEBHOOK_ID, "Lead.delete", "secret-of-b");
        assertThat(connections.webhookEvents()).containsExactly("Lead.delete");

        byte[] body = "[{\"id\":\"6b04cdaec6a7236b8\"}]".getBytes(StandardCharsets.UTF_8);
        String signedWithA = WebhookSignatures.sign(WEBHOOK_ID, body, "secret-of-a", true);
        TestTenants.signOut();
        assertThat(service.receiveWebhook(hookOfB, null, signedWithA, () -> body).outcome())
                .as("A's secret does not open B's URL").isEqualTo(CrmConnectionService.WebhookOutcome.FORBIDDEN);

        TestTenants.signInAs(a, Role.TENANT_ADMIN);
        assertThat(connections.webhook(WEBHOOK_ID)).as("B's registration replaced nothing of A's")
                .hasValueSatisfying(w -> {
                    assertThat(w.event()).isEqualTo("Lead.update");
                    assertThat(w.secret()).isEqualTo("secret-of-a");
                });
        assertThat(connections.webhookEvents()).containsExactly("Lead.update");
    }

    private static EspoSettings settings(String baseUrl) {
        return new EspoSettings(baseUrl, EspoSettings.AuthMode.API_KEY, EspoSettings.HmacDigest.HEX, "api-key", null, true);
    }
}
