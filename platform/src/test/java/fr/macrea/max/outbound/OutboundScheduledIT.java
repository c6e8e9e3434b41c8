package fr.macrea.max.outbound;

import fr.macrea.max.action.Mode;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.crm.Campaign;
import fr.macrea.max.crm.CampaignLogEntry;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.EmailTemplate;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.Await;
import fr.macrea.max.PlatformTestApplication;
import fr.macrea.max.testing.TestDatabase;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batches as production runs them: db-scheduler picks the stored tasks up on its own threads, rebinds the
 * send's tenant and delivers; nobody calls {@code drain}.
 */
@SpringBootTest(classes = PlatformTestApplication.class)
class OutboundScheduledIT {

    /** A database of its own: only this context's scheduler may run the send's tasks (see {@link OutboundItBase}). */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.registerOwn(registry, "outbound_scheduled");
    }

    @Autowired
    TenantService tenants;
    @Autowired
    CrmGateway crm;
    @Autowired
    ModeService modes;
    @Autowired
    OutboundService outbound;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void theScheduledBatchTasksDeliverTheSendOnTheirOwn() {
        Tenant tenant = TestTenants.create(tenants, "Planifie", Plan.PRO);
        var admin = TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        modes.set(Mode.AUTO);
        String form = crm.createCampaign(new Campaign(null, "Formulaire", "Active", "Web", null, null, null));
        for (String name : new String[] {"a", "b", "c"}) {
            String id = crm.create("Lead", Map.of("firstName", name, "lastName", "Martin", "emailAddress",
                    name + "@zen.fr", "cTags", java.util.List.of("planifie")), true);
            crm.logCampaignEvent(new CampaignLogEntry(null, form, "Opted In", EntityRef.lead(id), null, null));
        }
        String template = crm.createEmailTemplate(new EmailTemplate(null, "Relance", "Relance", "<p>Relance</p>",
                true, null, null));
        long sendId = outbound.send(SendParams.now(template, SendAudience.tagged("planifie")), "k-sched", true)
                .result().sendId();

        AtomicReference<SendSummary> seen = new AtomicReference<>();
        Await.until(() -> {
            TestTenants.signIn(admin);
            seen.set(outbound.summary(sendId));
            return "DONE".equals(seen.get().status());
        }, Duration.ofSeconds(90));
        assertThat(seen.get().sent()).isEqualTo(3);
        assertThat(outbound.outbox(sendId, 10)).hasSize(3);
    }
}
