package fr.macrea.max.outbound;

import fr.macrea.max.PlatformTestApplication;
import fr.macrea.max.action.ActionOutcome;
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
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A send on the embedded default database (H2 in MySQL mode), as {@code ./max run} does it: the consent query, the
 * locked batch, the multi-row outbox insert and the EspoCRM rows work there too, and a second run of the batches
 * sends nothing twice.
 */
@SpringBootTest(classes = PlatformTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:outbound_h2;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "max.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "max.outbound.batch-size=2", "db-scheduler.polling-interval=PT1H", "max.public-url=https://max.example.fr"})
class OutboundOnH2IT {

    @Autowired
    TenantService tenants;
    @Autowired
    OutboundService outbound;
    @Autowired
    ModeService modes;
    @Autowired
    CrmGateway crm;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void aNewsletterIsSentOnceToThePeopleWhoConsentedOnH2() {
        Tenant tenant = TestTenants.create(tenants, "Envois H2", Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        modes.set(Mode.AUTO);
        String form = crm.createCampaign(new Campaign(null, "Formulaire", "Active", "Web", null, null, null));
        String anna = lead("Anna", "anna@h2.fr", form);
        lead("Bruno", "bruno@h2.fr", form);
        lead("Chloe", "chloe@h2.fr", form);
        lead("Denis", "denis@h2.fr", null); // never subscribed
        String template = crm.createEmailTemplate(new EmailTemplate(null, "Annonce", "Bonjour {Lead.firstName}",
                "<p>Bonjour {Lead.firstName}</p><a href=\"https://h2.fr/offre\">Offre</a>", true, null, null));

        ActionOutcome<SendResult> outcome = outbound.sendNow(SendParams.now(template, SendAudience.allLeads()), "k-h2");

        assertThat(outcome.completed()).isTrue();
        long sendId = outcome.result().sendId();
        SendSummary done = outbound.summary(sendId);
        assertThat(done.sent()).isEqualTo(3);
        assertThat(done.skipped()).containsExactlyEntriesOf(Map.of(SkipReason.NO_CONSENT, 1));
        List<OutboxMessage> messages = outbound.outbox(sendId, 10);
        assertThat(messages).extracting(OutboxMessage::to)
                .containsExactlyInAnyOrder("anna@h2.fr", "bruno@h2.fr", "chloe@h2.fr");
        assertThat(messages).filteredOn(m -> m.to().equals("anna@h2.fr")).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("Bonjour Anna"));
        assertThat(crm.timeline(EntityRef.lead(anna), 50)).filteredOn(t -> "Email".equals(t.kind())).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo("Sent"));

        // the scheduled batch tasks coming after the inline run find nothing left
        assertThat(outbound.drain(sendId).sent()).isEqualTo(3);
        assertThat(outbound.outbox(sendId, 10)).hasSize(3);
    }

    private String lead(String firstName, String email, String optInCampaign) {
        Map<String, Object> attributes = new HashMap<>(Map.of("firstName", firstName, "lastName", "Morel",
                "status", "New", "emailAddress", email));
        String id = crm.create("Lead", attributes, true);
        if (optInCampaign != null) {
            crm.logCampaignEvent(new CampaignLogEntry(null, optInCampaign, "Opted In", EntityRef.lead(id), null, null));
        }
        return id;
    }
}
