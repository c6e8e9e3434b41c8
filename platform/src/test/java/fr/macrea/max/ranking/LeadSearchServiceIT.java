package fr.macrea.max.ranking;

import fr.macrea.max.persistence.TenantDsl;
import static fr.macrea.max.testing.Texts.fr;
import fr.macrea.max.reporting.CrmFixtures;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CRM tab's lead search, keyset pages and ranking on MariaDB. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadSearchServiceIT extends PlatformIT {

    @Autowired
    TenantService tenantService;
    @Autowired
    TenantDsl tenantDsl;
    @Autowired
    LeadSearchService search;

    Tenant a;
    Tenant b;
    String alice, bruno, chloe, denis, emma, user;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private Instant daysAgo(long days) {
        return now.minus(Duration.ofDays(days));
    }

    @BeforeAll
    void data() {
        a = TestTenants.create(tenantService, "Search A", Plan.PRO);
        b = TestTenants.create(tenantService, "Search B", Plan.PRO);
        TestTenants.signInAs(a, Role.TENANT_USER);
        CrmFixtures f = new CrmFixtures(tenantDsl.crm());
        user = f.user("Julie", "Vendeuse");
        alice = f.lead("Alice", "Dupont", "In Process", "Web Site", daysAgo(1), daysAgo(1), "alice@exemple.fr", user, false, "vip", "salon");
        bruno = f.lead("Bruno", "Martin", "In Process", "Partner", daysAgo(40), daysAgo(10), "b.martin@pro.fr", null, false, "salon");
        chloe = f.lead("Chloé", "Dupuis", "Assigned", "Email", daysAgo(100), daysAgo(45), null, user, false);
        denis = f.lead("Denis", "Roux", "Dead", null, daysAgo(20), daysAgo(20), null, null, false);
        emma = f.lead("Emma", "Blanc", "New", "Cold Call", daysAgo(200), daysAgo(3), null, null, false);
        f.lead("Fanny", "Dupré", "New", null, daysAgo(2), daysAgo(2), null, null, true);
        f.call("Appel", alice, daysAgo(1));
        f.note("Rappeler", alice, daysAgo(2));
        f.call("Ancien appel", alice, daysAgo(50));
        f.call("Appel Bruno", bruno, daysAgo(3));
        TestTenants.signOut();
        TestTenants.signInAs(b, Role.TENANT_USER);
        new CrmFixtures(tenantDsl.crm()).lead("Zoé", "Dupont", "New", "Web Site", daysAgo(1), daysAgo(1), "zoe@b.fr", null, false, "vip");
        TestTenants.signOut();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    private List<String> ids(LeadFilter filter) {
        return search.search(filter, null, 50).rows().stream().map(LeadRow::id).toList();
    }

    @Test
    void pagesWalkAllLeadsNewestFirstWithoutRepeats() {
        TestTenants.signInAs(a, Role.TENANT_USER);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            LeadPage page = search.search(LeadFilter.none(), cursor, 2);
            page.rows().forEach(r -> seen.add(r.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactly(alice, denis, bruno, chloe, emma);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void segmentsFollowTheDefinitions() {
        TestTenants.signInAs(a, Role.TENANT_USER);
        assertThat(ids(LeadFilter.none().withSegment(LeadSegment.ACTIF))).containsExactly(alice, bruno, chloe, emma);
        assertThat(ids(LeadFilter.none().withSegment(LeadSegment.CHAUD))).containsExactly(alice, emma);
        assertThat(ids(LeadFilter.none().withSegment(LeadSegment.A_RELANCER))).containsExactly(bruno);
        assertThat(ids(LeadFilter.none().withSegment(LeadSegment.FROID))).containsExactly(chloe);
        assertThat(ids(LeadFilter.none().withSegment(LeadSegment.ARCHIVE))).containsExactly(denis);
        assertThat(search.count(LeadSegment.CHAUD)).isEqualTo(2);
        LeadRow row = search.search(LeadFilter.none(), null, 1).rows().getFirst();
        assertThat(row.temperature()).isEqualTo(LeadSegment.CHAUD);
    }

    @Test
    void filtersCombine() {
        TestTenants.signInAs(a, Role.TENANT_USER);
        assertThat(ids(LeadFilter.none().withStatuses(Set.of("In Process")))).containsExactly(alice, bruno);
        assertThat(ids(LeadFilter.none().withSources(Set.of("Partner", "Email")))).containsExactly(bruno, chloe);
        assertThat(ids(LeadFilter.none().withTags(Set.of("salon")))).containsExactly(alice, bruno);
        assertThat(ids(LeadFilter.none().withTags(Set.of("vip")).withStatuses(Set.of("In Process")))).containsExactly(alice);
        assertThat(ids(LeadFilter.none().withAssignedUser(user))).containsExactly(alice, chloe);
        assertThat(ids(LeadFilter.none().withCreated(daysAgo(50), daysAgo(10)))).containsExactly(denis, bruno);
    }

    @Test
    void textSearchMatchesNameCompanyOrEmailPrefix() {
        TestTenants.signInAs(a, Role.TENANT_USER);
        assertThat(ids(LeadFilter.none().withText("Dup"))).containsExactly(alice, chloe);
        assertThat(ids(LeadFilter.none().withText("dup"))).containsExactly(alice, chloe);
        assertThat(ids(LeadFilter.none().withText("b.mar"))).containsExactly(bruno);
        assertThat(ids(LeadFilter.none().withText("Emma"))).containsExactly(emma);
        assertThat(ids(LeadFilter.none().withText("Dup").withSegment(LeadSegment.FROID))).containsExactly(chloe);
        assertThat(ids(LeadFilter.none().withText("100%_"))).isEmpty();
        LeadPage first = search.search(LeadFilter.none().withText("Dup"), null, 1);
        assertThat(first.rows()).extracting(LeadRow::id).containsExactly(alice);
        assertThat(search.search(LeadFilter.none().withText("Dup"), first.nextCursor(), 1).rows())
                .extracting(LeadRow::id).containsExactly(chloe);
    }

    @Test
    void rowsCarryEmailTagsUserAndScoreReasons() {
        TestTenants.signInAs(a, Role.TENANT_USER);
        LeadRow row = search.search(LeadFilter.none(), null, 1).rows().getFirst();
        assertThat(row.emailAddress()).isEqualTo("alice@exemple.fr");
        assertThat(row.tags()).containsExactlyInAnyOrder("vip", "salon");
        assertThat(row.assignedUserName()).isEqualTo("Julie Vendeuse");
        // recency 22 (1 day) + engagement 10 (2 activities in 30 days) + status 20 + source 10 + completeness 2
        assertThat(row.score()).isEqualTo(64);
        assertThat(fr(row.reasons())).contains("Activité il y a 1 jour", "2 échanges sur 30 jours", "Statut en cours",
                "Source Site internet");
    }

    @Test
    void rankingPutsTheBestActiveLeadsFirst() {
        TestTenants.signInAs(a, Role.TENANT_USER);
        List<LeadRow> top = search.topRanked(10);
        assertThat(top).extracting(LeadRow::id).containsExactly(alice, bruno, emma);
        assertThat(fr(top.get(1).reasons())).contains("1 échange sur 30 jours");
        assertThat(top.get(1).score()).isEqualTo(12 + 5 + 20 + 15 + 2);
        assertThat(fr(top.get(2).reasons())).noneMatch(r -> r.contains("échange"));
        assertThat(search.users()).containsEntry(user, "Julie Vendeuse");
        assertThat(search.sources()).contains("Web Site", "Partner");
        assertThat(search.tags()).containsExactly("salon", "vip");
    }

    @Test
    void tenantBNeverSeesTenantALeads() {
        TestTenants.signInAs(b, Role.TENANT_USER);
        List<LeadRow> rows = search.search(LeadFilter.none().withText("Dup"), null, 50).rows();
        assertThat(rows).extracting(LeadRow::name).containsExactly("Zoé Dupont");
        assertThat(ids(LeadFilter.none())).doesNotContain(alice, bruno, chloe, denis, emma);
        assertThat(search.topRanked(10)).extracting(LeadRow::name).containsExactly("Zoé Dupont");
        assertThat(search.users()).doesNotContainKey(user);
        assertThat(search.tags()).containsExactly("vip");
    }

    @Test
    void badInputGetsAFrenchError() {
        TestTenants.signInAs(a, Role.TENANT_USER);
        assertThatThrownBy(() -> search.search(LeadFilter.none(), "n'importe quoi", 10)).hasMessageContaining("Curseur");
        assertThatThrownBy(() -> search.search(LeadFilter.none(), null, 0)).hasMessageContaining("taille de page");
        assertThatThrownBy(() -> LeadFilter.none().withCreated(daysAgo(1), daysAgo(5))).hasMessageContaining("date de fin");
    }
}
