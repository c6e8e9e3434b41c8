package fr.macrea.max.crm;

import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.macrea.max.db.crm.Tables.LEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tenant B's session never reads or changes tenant A's CRM data, through any path of the port. */
@TestPropertySource(properties = {
        "max.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "max.crm.sync.scheduled=false",
        "max.crm.espo.initial-backoff=PT0.01S"})
class CrmIsolationIT extends PlatformIT {

    private static Tenant tenantA;
    private static Tenant tenantB;

    @Autowired
    private TenantService tenantService;
    @Autowired
    private CrmGateway crm;
    @Autowired
    private CrmConnectionService connection;
    @Autowired
    private TenantDsl tenantDsl;

    private String leadA;
    private String campaignA;
    private String listA;

    @BeforeEach
    void setUp() {
        if (tenantA == null) {
            tenantA = TestTenants.create(tenantService, "Iso A", Plan.PRO);
            tenantB = TestTenants.create(tenantService, "Iso B", Plan.PRO);
        }
        TestTenants.signInAs(tenantA, Role.TENANT_ADMIN);
        leadA = crm.create("Lead", Map.of("firstName", "Secret", "lastName", "DeA", "cTags", List.of("a-only"),
                "emailAddress", "secret@a.fr"), true);
        crm.addNote(EntityRef.lead(leadA), "Note confidentielle de A");
        campaignA = crm.createCampaign(new Campaign(null, "Campagne A", null, null, null, null, null));
        listA = crm.create("TargetList", Map.of("name", "Liste A"), false);
        crm.createEmailTemplate(new EmailTemplate(null, "Modèle A", "A", "<p>A</p>", true, null, null));
        TestTenants.signInAs(tenantB, Role.TENANT_ADMIN);
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void tenantBCannotReadAsData() {
        assertThat(crm.findLead(leadA)).isEmpty();
        assertThat(crm.findContact(leadA)).isEmpty();
        assertThat(crm.searchLeads(CrmQuery.all(200).withText("secret")).items()).isEmpty();
        assertThat(crm.searchLeads(CrmQuery.all(200).withAnyTags("a-only")).items()).isEmpty();
        assertThat(crm.timeline(EntityRef.lead(leadA), 50)).isEmpty();
        assertThat(crm.campaignLog(campaignA, 50)).isEmpty();
        assertThat(crm.campaigns()).noneMatch(c -> c.id().equals(campaignA));
        assertThat(crm.emailTemplates()).noneMatch(t -> t.name().equals("Modèle A"));
        assertThatThrownBy(() -> crm.readAttributes(EntityRef.lead(leadA), Set.of("lastName"))).isInstanceOf(CrmNotFoundException.class);
        assertThatThrownBy(() -> crm.tags(EntityRef.lead(leadA))).isInstanceOf(CrmNotFoundException.class);
        assertThatThrownBy(() -> crm.consent(EntityRef.lead(leadA))).isInstanceOf(CrmNotFoundException.class);
        assertThat(tenantDsl.crm().fetchCount(LEAD, LEAD.ID.eq(leadA))).isZero();
        assertThat(connection.syncStatus()).isEmpty();
        assertThat(connection.espoCrmConnected()).isFalse();
    }

    @Test
    void tenantBCannotChangeAsData() {
        assertThatThrownBy(() -> crm.update(EntityRef.lead(leadA), Map.of("status", "Dead"))).isInstanceOf(CrmNotFoundException.class);
        assertThatThrownBy(() -> crm.setTags(EntityRef.lead(leadA), Set.of("pirate"))).isInstanceOf(CrmNotFoundException.class);
        assertThatThrownBy(() -> crm.addNote(EntityRef.lead(leadA), "intrusion")).isInstanceOf(CrmNotFoundException.class);
        assertThatThrownBy(() -> crm.addTask(EntityRef.lead(leadA), new NewTask("intrusion", null, null, Instant.now(), null)))
                .isInstanceOf(CrmNotFoundException.class);
        assertThatThrownBy(() -> crm.delete(EntityRef.lead(leadA))).isInstanceOf(CrmNotFoundException.class);
        assertThatThrownBy(() -> crm.logCampaignEvent(new CampaignLogEntry(null, campaignA, "Opened", null, null, null)))
                .isInstanceOf(CrmNotFoundException.class);
        assertThatThrownBy(() -> crm.setTargetListOptOut(EntityRef.lead(leadA), listA, true)).isInstanceOf(CrmNotFoundException.class);

        TestTenants.signInAs(tenantA, Role.TENANT_USER);
        Lead lead = crm.findLead(leadA).orElseThrow();
        assertThat(lead.status()).isEqualTo("New");
        assertThat(lead.tags()).containsExactly("a-only");
        assertThat(crm.timeline(EntityRef.lead(leadA), 10)).extracting(TimelineEntry::detail).containsExactly("Note confidentielle de A");
        assertThat(crm.consent(EntityRef.lead(leadA)).optedOutTargetListIds()).isEmpty();
    }

    @Test
    void aUserWithoutATenantReadsNothing() {
        TestTenants.signOut();
        assertThatThrownBy(() -> crm.findLead(leadA)).isInstanceOf(RuntimeException.class);
    }
}
