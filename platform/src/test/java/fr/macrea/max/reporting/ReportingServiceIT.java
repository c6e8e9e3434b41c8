package fr.macrea.max.reporting;

import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.ranking.LeadSegment;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dashboard's figures on MariaDB, with rows inserted by hand and numbers asserted exactly. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingServiceIT extends PlatformIT {

    @Autowired
    TenantService tenantService;
    @Autowired
    TenantDsl tenantDsl;
    @Autowired
    ReportingService reporting;

    Tenant a;
    Tenant b;
    String callId;
    String noteId;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private Instant daysAgo(long days) {
        return now.minus(Duration.ofDays(days));
    }

    @BeforeAll
    void data() {
        a = TestTenants.create(tenantService, "Reporting A", Plan.PRO);
        b = TestTenants.create(tenantService, "Reporting B", Plan.PRO);
        TestTenants.signInAs(a, Role.TENANT_USER);
        CrmFixtures f = new CrmFixtures(tenantDsl.crm());
        String hot = f.lead("Alice", "Dupont", "New", "Web Site", daysAgo(1), daysAgo(1), "alice@exemple.fr", null, false, "vip");
        String followUp = f.lead("Bruno", "Martin", "In Process", "Partner", daysAgo(40), daysAgo(10), null, null, false);
        f.lead("Chloé", "Petit", "Assigned", "Email", daysAgo(100), daysAgo(45), null, null, false);
        f.lead("Denis", "Roux", "Dead", null, daysAgo(20), daysAgo(20), null, null, false);
        f.lead("Emma", "Blanc", "Converted", null, daysAgo(200), daysAgo(150), null, null, false);
        f.lead("Fanny", "Supprimée", "New", null, daysAgo(2), daysAgo(2), null, null, true);
        String campaign = f.campaign("Soldes", daysAgo(3));
        f.campaign("Ancienne", daysAgo(60));
        for (int i = 0; i < 4; i++) {
            f.campaignLog(campaign, "Sent", daysAgo(2), false, hot);
        }
        f.campaignLog(campaign, "Sent", daysAgo(2), true, hot);
        f.campaignLog(campaign, "Sent", daysAgo(60), false, hot);
        f.campaignLog(campaign, "Opened", daysAgo(2), false, hot);
        f.campaignLog(campaign, "Opened", daysAgo(1), false, hot);
        f.campaignLog(campaign, "Clicked", daysAgo(1), false, hot);
        f.email("Devis", "Sent", daysAgo(6), false, followUp, daysAgo(6));
        f.email("Bonjour", "Sent", daysAgo(1), false, hot, daysAgo(1));
        f.email("Merci", "Sent", daysAgo(8), true, followUp, daysAgo(8));
        f.email("Brouillon", "Draft", null, false, followUp, daysAgo(1).plusSeconds(60));
        callId = f.call("Appel découverte", followUp, now.minusSeconds(120));
        noteId = f.note("Intéressée par l'offre", hot, now.minusSeconds(60));
        TestTenants.signOut();
        TestTenants.signInAs(b, Role.TENANT_USER);
        new CrmFixtures(tenantDsl.crm()).lead("Zoé", "Autre", "New", "Web Site", daysAgo(1), daysAgo(1), null, null, false);
        TestTenants.signOut();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void dashboardOf30DaysCountsLeadsCampaignsAndMessages() {
        TestTenants.signInAs(a, Role.TENANT_USER);
        Dashboard d = reporting.dashboard(Period.DAYS_30);
        assertThat(d.leads()).isEqualTo(new Dashboard.Leads(5, 3, 2, 2));
        assertThat(d.temperatures()).isEqualTo(new Dashboard.Temperatures(1, 1, 1));
        assertThat(d.campaigns()).isEqualTo(new Dashboard.Campaigns(1, 4, 2, 1));
        assertThat(d.campaigns().openRate()).isEqualTo(50.0);
        assertThat(d.campaigns().clickRate()).isEqualTo(25.0);
        assertThat(d.messages()).isEqualTo(new Dashboard.Messages(3, 1, 1));
        assertThat(d.newLeadsPerDay()).hasSizeBetween(30, 31);
        assertThat(d.newLeadsPerDay().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
    }

    @Test
    void shorterPeriodCountsLess() {
        TestTenants.signInAs(a, Role.TENANT_USER);
        Dashboard d = reporting.dashboard(Period.DAYS_7);
        assertThat(d.leads()).isEqualTo(new Dashboard.Leads(5, 3, 1, 2));
        assertThat(d.campaigns()).isEqualTo(new Dashboard.Campaigns(1, 4, 2, 1));
        assertThat(d.messages()).isEqualTo(new Dashboard.Messages(2, 1, 1));
        Dashboard d90 = reporting.dashboard(Period.DAYS_90);
        assertThat(d90.campaigns()).isEqualTo(new Dashboard.Campaigns(2, 5, 2, 1));
    }

    @Test
    void temperaturesFollowTheDefinitions() {
        TestTenants.signInAs(a, Role.TENANT_USER);
        assertThat(reporting.temperatures()).isEqualTo(Map.of(LeadSegment.CHAUD, 1, LeadSegment.A_RELANCER, 1,
                LeadSegment.FROID, 1));
    }

    @Test
    void latestActivitiesComeNewestFirstAcrossKinds() {
        TestTenants.signInAs(a, Role.TENANT_USER);
        List<Dashboard.Activity> latest = reporting.latestActivities(3);
        assertThat(latest).extracting(Dashboard.Activity::id).containsExactly(noteId, callId,
                latest.get(2).id());
        assertThat(latest.get(0).kind()).isEqualTo("Note");
        assertThat(latest.get(0).title()).isEqualTo("Intéressée par l'offre");
        assertThat(latest.get(1).kind()).isEqualTo("Call");
        assertThat(latest.get(2).title()).isEqualTo("Brouillon");
        assertThat(reporting.latestActivities(100)).hasSize(6);
    }

    @Test
    void tenantBSeesOnlyItsOwnFigures() {
        TestTenants.signInAs(b, Role.TENANT_USER);
        Dashboard d = reporting.dashboard(Period.DAYS_90);
        assertThat(d.leads()).isEqualTo(new Dashboard.Leads(1, 1, 1, 0));
        assertThat(d.campaigns()).isEqualTo(new Dashboard.Campaigns(0, 0, 0, 0));
        assertThat(d.messages()).isEqualTo(new Dashboard.Messages(0, 0, 0));
        assertThat(reporting.latestActivities(100)).isEmpty();
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Test
    void servedSnapshotIsDroppedByACrmChangeOfItsTenantOnly() {
        Tenant c = TestTenants.create(tenantService, "Reporting C", Plan.PRO);
        TestTenants.signInAs(c, Role.TENANT_USER);
        CrmFixtures f = new CrmFixtures(tenantDsl.crm());
        String first = f.lead("Un", "Lead", "New", null, daysAgo(1), daysAgo(1), null, null, false);
        assertThat(reporting.dashboard(Period.DAYS_7).leads().total()).isEqualTo(1);
        f.lead("Deux", "Lead", "New", null, daysAgo(1), daysAgo(1), null, null, false);
        assertThat(reporting.dashboard(Period.DAYS_7).leads().total()).isEqualTo(1);
        assertThat(reporting.computeDashboard(Period.DAYS_7).leads().total()).isEqualTo(2);
        events.publishEvent(new fr.macrea.max.crm.CrmRecordChanged(a.id(), "crm.lead.updated", "Autre tenant", now,
                fr.macrea.max.crm.EntityRef.lead(first), "max"));
        assertThat(reporting.dashboard(Period.DAYS_7).leads().total()).isEqualTo(1);
        events.publishEvent(new fr.macrea.max.crm.CrmRecordChanged(c.id(), "crm.lead.created", "Fiche créée", now,
                fr.macrea.max.crm.EntityRef.lead(first), "max"));
        assertThat(reporting.dashboard(Period.DAYS_7).leads().total()).isEqualTo(2);
    }

    @Test
    void anonymousAndBadInputAreRefused() {
        assertThatThrownBy(() -> reporting.dashboard(Period.DAYS_7)).isInstanceOf(Exception.class);
        TestTenants.signInAs(a, Role.TENANT_USER);
        assertThatThrownBy(() -> reporting.latestActivities(0)).hasMessageContaining("between 1 and");
        assertThatThrownBy(() -> Period.ofDays(12)).hasMessageContaining("Unknown period");
    }
}
