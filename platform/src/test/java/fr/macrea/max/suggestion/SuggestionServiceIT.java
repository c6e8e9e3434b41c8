package fr.macrea.max.suggestion;

import fr.macrea.max.crm.CrmRecordChanged;
import fr.macrea.max.testing.Texts;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.reporting.CrmFixtures;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Standard suggestions from the segment definitions, refreshed by CRM events of the same tenant only. */
class SuggestionServiceIT extends PlatformIT {

    @Autowired
    TenantService tenantService;
    @Autowired
    TenantDsl tenantDsl;
    @Autowired
    SuggestionService suggestions;
    @Autowired
    ApplicationEventPublisher events;

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private Instant daysAgo(long days) {
        return now.minus(Duration.ofDays(days));
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    private List<String> titles() {
        return suggestions.current().stream().map(s -> Texts.fr(s.title())).toList();
    }

    @Test
    void followUpSuggestionCountsLeadsAndRefreshesOnCrmChangeOfTheSameTenantOnly() throws Exception {
        Tenant a = TestTenants.create(tenantService, "Sugg A", Plan.PRO);
        Tenant b = TestTenants.create(tenantService, "Sugg B", Plan.PRO);
        TestTenants.signInAs(a, Role.TENANT_USER);
        CrmFixtures f = new CrmFixtures(tenantDsl.crm());
        String first = f.lead("Anne", "Un", "New", "Web Site", daysAgo(20), daysAgo(8), null, null, false);
        f.lead("Basile", "Deux", "Assigned", null, daysAgo(20), daysAgo(6), null, null, false);
        String cold = f.lead("Cyril", "Trois", "New", null, daysAgo(90), daysAgo(60), null, null, false);
        assertThat(titles()).contains("2 leads non relancés depuis 5 jours", "1 lead froid à réactiver");
        Suggestion followUp = suggestions.current().getFirst();
        assertThat(followUp.actionId()).isEqualTo("automation.follow-up");
        assertThat(followUp.actionParams()).containsEntry("segment", "A_RELANCER");
        assertThat(followUp.count()).isEqualTo(2);

        AtomicInteger heardByA = new AtomicInteger();
        AtomicInteger heardByB = new AtomicInteger();
        try (AutoCloseable ra = suggestions.onChange(a.id(), e -> heardByA.incrementAndGet());
             AutoCloseable rb = suggestions.onChange(b.id(), e -> heardByB.incrementAndGet())) {
            f.touch(cold, daysAgo(7));
            // cached until a CRM event says otherwise
            assertThat(titles()).contains("2 leads non relancés depuis 5 jours");
            events.publishEvent(new CrmRecordChanged(a.id(), "crm.lead.updated", "Fiche modifiée", now,
                    EntityRef.lead(cold), "max"));
            assertThat(titles()).contains("3 leads non relancés depuis 5 jours").noneMatch(t -> t.contains("froid"));
            assertThat(heardByA).hasValue(1);
            assertThat(heardByB).hasValue(0);
            events.publishEvent(new CrmRecordChanged(a.id(), "action.completed", "Autre", now, EntityRef.lead(first), "max"));
            assertThat(heardByA).hasValue(1);
        }

        TestTenants.signOut();
        TestTenants.signInAs(b, Role.TENANT_USER);
        assertThat(suggestions.current()).isEmpty();
    }
}
