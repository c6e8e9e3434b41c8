package fr.macrea.max.action.analysis;

import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.ActionStatus;
import fr.macrea.max.action.Mode;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.ranking.LeadFilter;
import fr.macrea.max.ranking.LeadRow;
import fr.macrea.max.ranking.LeadSearchService;
import fr.macrea.max.reporting.CrmFixtures;
import fr.macrea.max.security.Role;
import fr.macrea.max.shared.Message;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: M.A.X.'s own notes are not the lead's activity. Analysing a lead three times leaves its score, its last
 * contact and its activity count where they were, and the grid, the card (the same LeadRow) and the analysis give the
 * same score. Checked against hand-written SQL on the tenant's CRM schema, on MariaDB.
 */
class LeadScoreAgreementIT extends PlatformIT {

    @Autowired
    TenantService tenants;
    @Autowired
    TenantDsl tenantDsl;
    @Autowired
    LeadAnalysisService analysis;
    @Autowired
    LeadSearchService search;
    @Autowired
    ModeService modes;
    @Autowired
    fr.macrea.max.reporting.ReportingService reporting;

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String quiet;
    String busy;

    @BeforeEach
    void data() {
        Tenant tenant = TestTenants.create(tenants, "Scores " + System.nanoTime(), Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        modes.set(Mode.CONSEIL);
        CrmFixtures f = new CrmFixtures(tenantDsl.crm());
        quiet = f.lead("Laura", "Michel", "In Process", "Web Site", now.minus(Duration.ofDays(400)),
                now.minus(Duration.ofDays(200)), "laura@exemple.fr", null, false);
        busy = f.lead("Hugo", "Lefèvre", "Assigned", "Partner", now.minus(Duration.ofDays(90)),
                now.minus(Duration.ofDays(20)), "hugo@exemple.fr", null, false);
        f.call("Appel découverte", busy, now.minus(Duration.ofDays(3)));
        f.note("Devis envoyé", busy, now.minus(Duration.ofDays(2)));
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    private LeadRow row(String id) {
        return search.search(LeadFilter.none(), null, 50).rows().stream().filter(r -> r.id().equals(id))
                .findFirst().orElseThrow();
    }

    /** Hand-written: the lead's activities of the last 30 days, M.A.X.'s log notes excluded. */
    private int sqlActivities(String leadId) {
        String since = "'" + java.time.LocalDateTime.ofInstant(now.minus(Duration.ofDays(30)), java.time.ZoneOffset.UTC) + "'";
        String id = "'" + leadId + "'";
        String c = "`" + tenantDsl.crmSchemaName() + "`.";
        return tenantDsl.crm().fetchOne(
                "select (select count(*) from " + c + "`call` where parent_type = 'Lead' and parent_id = " + id
                        + " and deleted = 0 and created_at >= " + since + ")"
                        + " + (select count(*) from " + c + "note where parent_type = 'Lead' and parent_id = " + id
                        + " and deleted = 0 and created_at >= " + since + " and post not like 'M.A.X. —%')")
                .get(0, Integer.class);
    }

    private int sqlMaxNotes(String leadId) {
        return tenantDsl.crm().fetchOne("select count(*) from `" + tenantDsl.crmSchemaName() + "`.note where parent_type = 'Lead' and parent_id = '"
                + leadId + "' and deleted = 0 and post like 'M.A.X. —%'").get(0, Integer.class);
    }

    @Test
    void analysingALeadDoesNotMakeItActiveNorRaiseItsScore() {
        LeadRow before = row(quiet);
        for (int i = 0; i < 3; i++) {
            ActionOutcome<LeadAnalysis> outcome = analysis.analyseLead(quiet, "k-quiet-" + i);
            assertThat(outcome.status()).isEqualTo(ActionStatus.COMPLETED);
            // the analysis scores the lead exactly as the grid does, and sees the real inactivity
            assertThat(outcome.result().score()).isEqualTo(before.score());
            assertThat(outcome.result().daysSinceLastActivity()).isEqualTo(200);
        }
        // M.A.X. did write its three log notes on the lead's stream ...
        assertThat(sqlMaxNotes(quiet)).isEqualTo(3);
        // ... and none of them counts as the lead's activity
        LeadRow after = row(quiet);
        assertThat(after.score()).isEqualTo(before.score());
        assertThat(after.reasons()).extracting(Message::key)
                .doesNotContain("ranking.reason.active-today", "ranking.reason.exchanges")
                .contains("ranking.reason.inactive-days");
        assertThat(sqlActivities(quiet)).isZero();
    }

    @Test
    void theGridAndTheAnalysisGiveTheSameScoreForALeadWithRealActivity() {
        ActionOutcome<LeadAnalysis> first = analysis.analyseLead(busy, "k-busy-1");
        ActionOutcome<LeadAnalysis> second = analysis.analyseLead(busy, "k-busy-2");
        LeadRow row = row(busy);
        assertThat(second.result().score()).isEqualTo(first.result().score()).isEqualTo(row.score());
        // the team's call and note count (2, as the SQL says), M.A.X.'s two notes do not
        assertThat(sqlActivities(busy)).isEqualTo(2);
        assertThat(row.reasons()).contains(Message.of("ranking.reason.exchanges", sqlActivities(busy)));
        assertThat(second.result().activityCounts().get("Note")).isEqualTo(1);
        // last contact = the record's last change (as in the segments), not M.A.X.'s analysis a moment ago
        assertThat(second.result().daysSinceLastActivity()).isEqualTo(20);
    }

    @Test
    void theActivityFeedShowsMaxsNotesAsMaxsNotNotesOfTheTeam() {
        analysis.analyseLead(busy, "k-feed-1");
        var latest = reporting.latestActivities(10);
        assertThat(latest).filteredOn(a -> a.title() != null && a.title().startsWith("M.A.X. —"))
                .isNotEmpty().allMatch(a -> a.kind().equals("MaxNote"));
        assertThat(latest).filteredOn(a -> "Devis envoyé".equals(a.title()))
                .singleElement().extracting(fr.macrea.max.reporting.Dashboard.Activity::kind).isEqualTo("Note");
    }
}
