package fr.macrea.max.ranking;

import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.CrmQuery;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.crm.Lead;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one lead search, as a user types it: every word a case- and accent-insensitive prefix of a word of the first
 * name, last name, company or e-mail. The same cases run on H2 (the embedded default) and on MariaDB, through both
 * entry points (the CRM port and the CRM tab's list).
 */
abstract class LeadTextSearchCases {

    @Autowired
    TenantService tenants;
    @Autowired
    CrmGateway crm;
    @Autowired
    LeadSearchService search;

    String laura;
    String hugo;
    String lea;
    String michel;

    @BeforeEach
    void fourLeadsInAFreshTenant() {
        Tenant tenant = TestTenants.create(tenants, "Recherche", Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        laura = lead("Laura", "Michel", "Boutique Lumière", "laura.michel@orange.fr");
        hugo = lead("Hugo", "Chevalier", "Transports Rhône", "hugo@transports-rhone.fr");
        lea = lead("Léa", "Lefèvre", "Atelier Zen", "lea.lefevre@free.fr");
        michel = lead("Michel", "Laurent", "Boulangerie Michel", null);
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    private String lead(String first, String last, String company, String email) {
        Map<String, Object> a = new HashMap<>();
        a.put("firstName", first);
        a.put("lastName", last);
        a.put("accountName", company);
        a.put("status", "New");
        if (email != null) {
            a.put("emailAddress", email);
        }
        return crm.create("Lead", a, true);
    }

    /** The ids both searches return, checked to be the same set. */
    private List<String> found(String text) {
        List<String> port = crm.searchLeads(CrmQuery.all(50).withText(text)).items().stream().map(Lead::id).sorted().toList();
        List<String> tab = search.search(LeadFilter.none().withText(text), null, 50).rows().stream()
                .map(LeadRow::id).sorted().toList();
        assertThat(tab).as("CRM tab and CRM port agree on %s", text).isEqualTo(port);
        return port;
    }

    @Test
    void aCompanyWordFindsItsLeadsWhateverTheCase() {
        assertThat(found("boutique")).containsExactly(laura);
        assertThat(found("BOUTIQUE")).containsExactly(laura);
        assertThat(found("bouti")).containsExactly(laura);
    }

    @Test
    void thePrefixOfANameFindsIt() {
        assertThat(found("chev")).containsExactly(hugo);
        assertThat(found("Chevalier")).containsExactly(hugo);
        assertThat(found("michel")).containsExactlyInAnyOrderElementsOf(List.of(laura, michel).stream().sorted().toList());
    }

    @Test
    void accentsAreIgnoredInTheQueryAndInTheRecord() {
        assertThat(found("lefevre")).containsExactly(lea);
        assertThat(found("LEFÈVRE")).containsExactly(lea);
        assertThat(found("lefè")).containsExactly(lea);
        assertThat(found("rhone")).containsExactly(hugo);
        assertThat(found("lumiere")).containsExactly(laura);
    }

    @Test
    void everyWordOfTheQueryMustMatch() {
        assertThat(found("Laura Michel")).containsExactly(laura);
        assertThat(found("michel laura")).containsExactly(laura);
        assertThat(found("Michel Laurent")).containsExactly(michel);
        assertThat(found("zen lea")).containsExactly(lea);
        assertThat(found("laura chevalier")).isEmpty();
    }

    @Test
    void anEmailAddressOrItsStartFindsItsLead() {
        assertThat(found("laura.michel@orange.fr")).containsExactly(laura);
        assertThat(found("orange")).containsExactly(laura);
        assertThat(found("hugo@transp")).containsExactly(hugo);
    }

    @Test
    void aWordInsideAnotherWordOrNothingSearchableFindsNothing() {
        assertThat(found("ichel")).isEmpty();
        assertThat(found("100%_")).isEmpty();
        assertThat(found("%")).isEmpty();
    }

    @Test
    void aTooLongSearchOrTagIsRefusedWithItsLimitByBothEntryPoints() {
        String huge = "boutique ".repeat(400);
        var tab = org.assertj.core.api.Assertions.catchThrowableOfType(fr.macrea.max.shared.LocalizedException.class,
                () -> search.search(LeadFilter.none().withText(huge), null, 50));
        assertThat(tab.message().key()).isEqualTo("ranking.search.too-long");
        assertThat(tab.message().args()).containsExactly(LeadFilter.TEXT_MAX_LENGTH);
        var port = org.assertj.core.api.Assertions.catchThrowableOfType(fr.macrea.max.crm.CrmValidationException.class,
                () -> crm.searchLeads(CrmQuery.all(50).withText(huge)));
        assertThat(port.message().key()).isEqualTo("crm.search.too-long");
        assertThat(found("boutique ".repeat(20))).containsExactly(laura);

        var tag = org.assertj.core.api.Assertions.catchThrowableOfType(fr.macrea.max.crm.CrmValidationException.class,
                () -> crm.setTags(EntityRef.lead(laura), java.util.Set.of("vip", "t".repeat(300))));
        assertThat(tag.message().key()).isEqualTo("crm.tag.too-long");
        assertThat(tag.message().args()).containsExactly(CrmGateway.TAG_MAX_LENGTH);
        assertThat(crm.tags(EntityRef.lead(laura))).isEmpty();
        crm.setTags(EntityRef.lead(laura), java.util.Set.of("t".repeat(CrmGateway.TAG_MAX_LENGTH)));
        assertThat(crm.tags(EntityRef.lead(laura))).containsExactly("t".repeat(CrmGateway.TAG_MAX_LENGTH));
    }

    @Test
    void theSearchFollowsEveryWrite() {
        crm.update(EntityRef.lead(hugo), Map.of("lastName", "Étienne", "emailAddress", "hugo@garage-etienne.fr"));
        assertThat(found("chev")).isEmpty();
        assertThat(found("etienne")).containsExactly(hugo);
        assertThat(found("garage")).containsExactly(hugo);
        crm.delete(EntityRef.lead(hugo));
        assertThat(found("etienne")).isEmpty();
    }
}
