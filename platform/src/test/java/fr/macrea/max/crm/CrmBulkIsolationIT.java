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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tenant B's many-records calls never reach tenant A's records, even with A's ids in hand. */
class CrmBulkIsolationIT extends PlatformIT {

    @Autowired
    TenantService tenants;
    @Autowired
    CrmGateway crm;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void tenantBCannotReadUpdateOrLogOnTenantARecordsInBulk() {
        Tenant a = TestTenants.create(tenants, "Lots A", Plan.PRO);
        Tenant b = TestTenants.create(tenants, "Lots B", Plan.PRO);
        TestTenants.signInAs(a, Role.TENANT_ADMIN);
        String lead = crm.create("Lead", Map.of("firstName", "Anne", "lastName", "Secret", "status", "New",
                "emailAddress", "anne@secret.fr", "cTags", List.of("lot-a")), true);
        List<String> emails = crm.createAll("Email", List.of(Map.of("name", "Lettre", "status", "Sending",
                "parentType", "Lead", "parentId", lead)));
        String campaign = crm.createCampaign(new Campaign(null, "Lettre A", "Active", "Email", null, null, null));

        TestTenants.signInAs(b, Role.TENANT_ADMIN);
        assertThat(crm.findLeads(List.of(lead))).isEmpty();
        assertThat(crm.updateAll("Email", emails, Map.of("status", "Sent"))).isZero();
        assertThatThrownBy(() -> crm.logCampaignEvents(List.of(new CampaignLogEntry(null, campaign, "Sent",
                EntityRef.lead(lead), null, null)))).isInstanceOf(CrmNotFoundException.class);
        List<String> seen = new ArrayList<>();
        crm.scanLeads(new CrmQuery(Set.of(), Set.of(), Set.of("lot-a"), null, null, null, null, null, null, 200),
                page -> page.forEach(l -> seen.add(l.id())));
        assertThat(seen).isEmpty();

        TestTenants.signInAs(a, Role.TENANT_ADMIN);
        assertThat(crm.readAttributes(new EntityRef("Email", emails.getFirst()), Set.of("status")))
                .containsEntry("status", "Sending");
        assertThat(crm.campaignLog(campaign, 10)).isEmpty();
        assertThat(crm.findLeads(List.of(lead))).containsOnlyKeys(lead);
    }
}
