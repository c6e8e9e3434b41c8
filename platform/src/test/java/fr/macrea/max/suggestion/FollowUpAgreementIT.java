package fr.macrea.max.suggestion;

import fr.macrea.max.kpi.KpiService;
import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.plugins.api.Criterion;
import fr.macrea.max.plugins.api.KpiDefinition;
import fr.macrea.max.plugins.api.LeadSegments;
import fr.macrea.max.ranking.LeadFilter;
import fr.macrea.max.ranking.LeadSearchService;
import fr.macrea.max.ranking.LeadSegment;
import fr.macrea.max.reporting.CrmFixtures;
import fr.macrea.max.reporting.ReportingService;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: "À relancer 21" next to "Leads à relancer · Standard 182". One definition of "à relancer": the CRM
 * filter, the Reporting tile, a brain KPI and a brain suggestion on {@link LeadSegments#A_RELANCER}, and the
 * platform's suggestion, all give the number of a hand-written SQL on the same data (MariaDB).
 */
class FollowUpAgreementIT extends PlatformIT {

    @Autowired
    TenantService tenants;
    @Autowired
    TenantDsl tenantDsl;
    @Autowired
    ReportingService reporting;
    @Autowired
    KpiService kpis;
    @Autowired
    SuggestionService suggestions;
    @Autowired
    LeadSearchService leads;

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private Instant daysAgo(long days) {
        return now.minus(Duration.ofDays(days));
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    private int sqlToFollowUp() {
        String s = "`" + tenantDsl.crmSchemaName() + "`";
        String hot = "'" + LocalDateTime.ofInstant(daysAgo(5), ZoneOffset.UTC) + "'";
        String cold = "'" + LocalDateTime.ofInstant(daysAgo(30), ZoneOffset.UTC) + "'";
        return tenantDsl.crm().fetchOne("select count(*) from " + s + ".lead where deleted = 0"
                + " and status in ('New', 'Assigned', 'In Process') and modified_at <= " + hot
                + " and modified_at > " + cold).get(0, Integer.class);
    }

    @Test
    void tileBrainKpiBrainSuggestionPlatformSuggestionAndFilterGiveTheSqlNumber() {
        Tenant tenant = TestTenants.create(tenants, "Relances " + System.nanoTime(), Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        CrmFixtures f = new CrmFixtures(tenantDsl.crm());
        f.lead("Hot", "Un", "New", null, daysAgo(40), daysAgo(1), null, null, false);
        f.lead("Anne", "Deux", "Assigned", null, daysAgo(40), daysAgo(6), null, null, false);
        f.lead("Bruno", "Trois", "In Process", null, daysAgo(40), daysAgo(12), null, null, false);
        f.lead("Chloé", "Quatre", "New", null, daysAgo(40), daysAgo(29), null, null, false);
        f.lead("Cold", "Cinq", "New", null, daysAgo(400), daysAgo(45), null, null, false);
        f.lead("Older", "Six", "In Process", null, daysAgo(400), daysAgo(200), null, null, false);
        f.lead("Dead", "Sept", "Dead", null, daysAgo(40), daysAgo(10), null, null, false);
        f.lead("Won", "Huit", "Converted", null, daysAgo(40), daysAgo(10), null, null, false);
        f.lead("Gone", "Neuf", "New", null, daysAgo(40), daysAgo(10), null, null, true);

        int sql = sqlToFollowUp();
        assertThat(sql).isEqualTo(3);
        // the tile and the CRM tab's segment filter
        assertThat(reporting.temperatures()).containsEntry(LeadSegment.A_RELANCER, sql);
        assertThat(leads.search(LeadFilter.none().withSegment(LeadSegment.A_RELANCER), null, 50).rows()).hasSize(sql);
        // a brain KPI and a brain suggestion routine on the platform's segment
        KpiDefinition kpi = KpiDefinition.count("leads-a-relancer", LeadSegments.A_RELANCER_LABEL, "Lead",
                KpiDefinition.Period.ALL_TIME, LeadSegments.A_RELANCER);
        assertThat(kpis.evaluate("standard:leads-a-relancer", "Standard", kpi, Locale.FRENCH).value()).isEqualTo((double) sql);
        assertThat(kpis.countMatching("Lead", List.of(LeadSegments.A_RELANCER))).isEqualTo(sql);
        // the platform's own suggestion
        assertThat(suggestions.current()).filteredOn(s -> s.id().equals("standard.follow-up"))
                .singleElement().extracting(Suggestion::count).isEqualTo(sql);
        // the standard brain's former definition counted the cold leads too: the data tells them apart
        assertThat(kpis.countMatching("Lead", List.of(Criterion.of("status", Criterion.Operator.IN, "New,Assigned,In Process"),
                Criterion.of("modifiedAt", Criterion.Operator.OLDER_THAN_DAYS, "5")))).isNotEqualTo(sql);
    }

    @Test
    void anUnknownSegmentIsRefusedWithAClearMessage() {
        Tenant tenant = TestTenants.create(tenants, "Segments " + System.nanoTime(), Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> kpis.countMatching("Lead",
                        List.of(Criterion.of(LeadSegments.FIELD, Criterion.Operator.EQUALS, "TIEDE"))))
                .isInstanceOf(fr.macrea.max.kpi.KpiException.class)
                .satisfies(e -> assertThat(fr.macrea.max.testing.Texts.fr(((fr.macrea.max.shared.LocalizedException) e)
                        .message())).contains("Segment de leads inconnu", "TIEDE"));
    }
}
