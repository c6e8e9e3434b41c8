package fr.macrea.max.kpi;

import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.testing.Texts;
import fr.macrea.max.plugins.api.Criterion;
import fr.macrea.max.plugins.api.Criterion.Operator;
import fr.macrea.max.plugins.api.KpiDefinition;
import fr.macrea.max.plugins.api.Label;
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
import java.util.List;
import java.util.Map;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Declarative brain KPIs and criteria evaluated by jOOQ on the tenant schema, numbers asserted exactly. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiServiceIT extends PlatformIT {

    @Autowired
    TenantService tenantService;
    @Autowired
    TenantDsl tenantDsl;
    @Autowired
    KpiService kpis;

    Tenant a;
    Tenant b;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private Instant daysAgo(long days) {
        return now.minus(Duration.ofDays(days));
    }

    @BeforeAll
    void data() {
        a = TestTenants.create(tenantService, "Kpi A", Plan.STUDIO);
        b = TestTenants.create(tenantService, "Kpi B", Plan.STUDIO);
        TestTenants.signInAs(a, Role.TENANT_USER);
        CrmFixtures f = new CrmFixtures(tenantDsl.crm());
        f.lead("Alice", "Un", "Converted", "Web Site", daysAgo(2), daysAgo(1), null, null, false, "vip");
        f.lead("Bruno", "Deux", "New", "Web Site", daysAgo(3), daysAgo(3), null, null, false);
        f.lead("Chloé", "Trois", "New", "Partner", daysAgo(10), daysAgo(10), null, null, false, "vip");
        f.lead("Denis", "Quatre", "Dead", "Partner", daysAgo(60), daysAgo(60), null, null, false);
        f.lead("Emma", "Cinq", "New", "Partner", daysAgo(4), daysAgo(4), null, null, true);
        TestTenants.signOut();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    private KpiValue eval(KpiDefinition d) {
        return kpis.evaluate("test:" + d.id(), "Test", d, Locale.FRENCH);
    }

    @Test
    void countRatioAndGroupsFollowTheDefinition() {
        TestTenants.signInAs(a, Role.TENANT_USER);
        assertThat(eval(KpiDefinition.count("leads", Label.of("Leads", "Leads"), "Lead",
                KpiDefinition.Period.LAST_30_DAYS)).value()).isEqualTo(3.0);
        assertThat(eval(KpiDefinition.count("all", Label.of("Tous", "All"), "Lead",
                KpiDefinition.Period.ALL_TIME)).value()).isEqualTo(4.0);
        KpiValue ratio = eval(KpiDefinition.ratio("conv", Label.of("Conversion", "Conversion"), "Lead",
                KpiDefinition.Period.ALL_TIME, List.of(), List.of(Criterion.of("status", Operator.EQUALS, "Converted"))));
        assertThat(ratio.value()).isEqualTo(25.0);
        assertThat(ratio.unit()).isEqualTo("%");
        assertThat(ratio.label()).isEqualTo("Conversion");
        KpiValue grouped = eval(KpiDefinition.count("src", Label.of("Par source", "By source"), "Lead",
                KpiDefinition.Period.ALL_TIME).groupedBy("source"));
        assertThat(grouped.groups()).containsEntry("Web Site", 2.0).containsEntry("Partner", 2.0).hasSize(2);
    }

    @Test
    void aKpiGroupedByCampaignIsShownPerCampaignName() {
        TestTenants.signInAs(a, Role.TENANT_USER);
        CrmFixtures f = new CrmFixtures(tenantDsl.crm());
        String soldes = f.campaign("Soldes d'hiver", daysAgo(5));
        String rentree = f.campaign("Rentrée", daysAgo(5));
        f.campaignLog(soldes, "Opened", daysAgo(1), false, null);
        f.campaignLog(soldes, "Opened", daysAgo(1), false, null);
        f.campaignLog(rentree, "Opened", daysAgo(1), false, null);

        KpiValue opens = eval(KpiDefinition.count("opens", Label.of("Ouvertures", "Opens"), "CampaignLogRecord",
                KpiDefinition.Period.ALL_TIME, Criterion.of("action", Operator.EQUALS, "Opened"))
                .groupedBy("campaignId"));

        assertThat(opens.groups()).containsOnly(Map.entry("Soldes d'hiver", 2.0), Map.entry("Rentrée", 1.0));
    }

    @Test
    void criteriaCoverOperatorsTagsAndDates() {
        TestTenants.signInAs(a, Role.TENANT_USER);
        assertThat(kpis.countMatching("Lead", List.of(Criterion.of("status", Operator.IN, "New, Dead")))).isEqualTo(3);
        assertThat(kpis.countMatching("Lead", List.of(Criterion.of("cTags", Operator.HAS, "vip")))).isEqualTo(2);
        assertThat(kpis.countMatching("Lead", List.of(Criterion.of("modifiedAt", Operator.OLDER_THAN_DAYS, "5")))).isEqualTo(2);
        assertThat(kpis.countMatching("Lead", List.of(Criterion.of("modifiedAt", Operator.WITHIN_DAYS, "5"),
                Criterion.of("source", Operator.NOT_EQUALS, "Partner")))).isEqualTo(2);
        assertThat(kpis.countMatching("Lead", List.of(Criterion.of("description", Operator.IS_EMPTY, "")))).isEqualTo(4);
    }

    @Test
    void badDefinitionsAreReportedNotThrown() {
        TestTenants.signInAs(a, Role.TENANT_USER);
        KpiValue unknownEntity = eval(KpiDefinition.count("x", Label.of("X", "X"), "Colis", KpiDefinition.Period.ALL_TIME));
        assertThat(unknownEntity.available()).isFalse();
        assertThat(Texts.fr(unknownEntity.problem())).contains("Entité non prise en charge");
        KpiValue missingField = eval(KpiDefinition.count("y", Label.of("Y", "Y"), "Lead", KpiDefinition.Period.ALL_TIME,
                Criterion.of("cStatutColis", Operator.EQUALS, "Livré")));
        assertThat(missingField.available()).isFalse();
        assertThat(Texts.fr(missingField.problem())).contains("indisponible");
        KpiValue injection = eval(KpiDefinition.count("z", Label.of("Z", "Z"), "Lead", KpiDefinition.Period.ALL_TIME,
                Criterion.of("status`; DROP TABLE lead; --", Operator.EQUALS, "x")));
        assertThat(Texts.fr(injection.problem())).contains("Champ invalide");
        assertThat(kpis.countMatching("Lead", List.of())).isEqualTo(4);
    }

    @Test
    void tenantBCountsOnlyItsOwnRecords() {
        TestTenants.signInAs(b, Role.TENANT_USER);
        assertThat(eval(KpiDefinition.count("all", Label.of("Tous", "All"), "Lead",
                KpiDefinition.Period.ALL_TIME)).value()).isEqualTo(0.0);
        assertThat(kpis.countMatching("Lead", List.of(Criterion.of("cTags", Operator.HAS, "vip")))).isZero();
    }
}
