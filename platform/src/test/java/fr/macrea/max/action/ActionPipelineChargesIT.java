package fr.macrea.max.action;

import fr.macrea.max.action.analysis.LeadAnalysis;
import fr.macrea.max.reporting.CrmFixtures;
import fr.macrea.max.security.Role;
import fr.macrea.max.shared.Message;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.Test;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who is charged, and how often: one key charges once under 32 concurrent submissions, the lead analysis (the first
 * real action) charges its price and notes the lead or refunds a missing lead, and tenant B can neither read, undo,
 * validate nor settle tenant A's actions, drafts or reservations.
 */
class ActionPipelineChargesIT extends ActionPipelineBase {

    // ---- idempotency through the pipeline

    @Test
    void thirtyTwoConcurrentSubmissionsWithOneKeyChargeOnceAndReturnTheFirstOutcome() throws Exception {
        modes.set(Mode.CONSEIL);
        new CrmFixtures(tenantDsl.crm()).call("Appel", l1, clock.instant().minus(2, ChronoUnit.DAYS));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ActionOutcome<LeadAnalysis>>> futures = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            futures.add(pool.submit(() -> {
                TestTenants.signIn(admin);
                start.await();
                return analysis.analyseLead(l1, "same-click");
            }));
        }
        start.countDown();
        List<ActionOutcome<LeadAnalysis>> outcomes = new ArrayList<>();
        for (var f : futures) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(ActionStatus.COMPLETED);
            assertThat(o.actionLogId()).isEqualTo(outcomes.getFirst().actionLogId());
            assertThat(o.result().score()).isEqualTo(outcomes.getFirst().result().score());
        });
        assertThat(outcomes.stream().filter(o -> !o.replayed()).count()).isEqualTo(1);
        assertThat(wallet.balance().total()).isEqualTo(498);
        assertThat(actions.log(100)).hasSize(1);
        assertThat(wallet.audit().consistent()).isTrue();
    }

    // ---- the first real action

    @Test
    void leadAnalysisRunsInConseilChargesTwoTokensAndNotesTheLead() {
        modes.set(Mode.CONSEIL);
        CrmFixtures fixtures = new CrmFixtures(tenantDsl.crm());
        fixtures.campaignLog(fixtures.campaign("Newsletter", clock.instant().minus(3, ChronoUnit.DAYS)), "Clicked",
                clock.instant().minus(1, ChronoUnit.DAYS), false, l1);
        ActionOutcome<LeadAnalysis> outcome = analysis.analyseLead(l1, "k-analyse");
        assertThat(outcome.status()).isEqualTo(ActionStatus.COMPLETED);
        assertThat(outcome.cost()).isEqualTo(2);
        assertThat(outcome.result().campaign().clicked()).isEqualTo(1);
        assertThat(fr.macrea.max.testing.Texts.fr(outcome.result().nextActions())).anyMatch(a -> a.contains("l'appeler dans les 48 h"));
        assertThat(wallet.balance().total()).isEqualTo(498);
        assertThat(notes()).singleElement().asString().contains("Analyse de lead");
        assertThat(FrenchText.of(wallet.ledger(1).getFirst().reason()))
                .as("the ledger line, rendered as Budget IA shows it, names the lead (not its id)")
                .isEqualTo("Analyse de lead : analyse du lead Camille Martin");
        ActionLogEntry entry = actions.logEntry(outcome.actionLogId());
        assertThat(entry.mode()).isEqualTo(Mode.CONSEIL);
        assertThat(entry.userName()).isEqualTo(admin.displayName());
        assertThat(entry.durationMs()).isNotNull();
    }

    @Test
    void analysingAMissingLeadIsRefunded() {
        ActionOutcome<LeadAnalysis> outcome = analysis.analyseLead("NOPE", "k-missing");
        assertThat(outcome.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(FrenchText.of(outcome.message())).contains("introuvable");
        assertThat(wallet.balance().total()).isEqualTo(500);
    }

    // ---- tenant isolation

    @Test
    void tenantBCannotSpendReadUndoOrValidateTenantA() {
        modes.set(Mode.AUTO);
        ActionOutcome<?> done = actions.run(write("ok", "k-iso").withDoubleConfirmation());
        modes.set(Mode.ASSISTE);
        actions.run(write("ok", "k-iso-draft"));
        long draftId = actions.drafts().getFirst().id();
        long reservationOfA = charges.reserve("a-held", 4, Message.of("wallet.text", "réservation de A")).id();
        int balanceA = wallet.balance().total();

        Tenant other = TestTenants.create(tenants, "Intrus", Plan.PRO);
        TestTenants.signInAs(other, Role.TENANT_ADMIN);
        assertThat(actions.log(100)).isEmpty();
        assertThat(actions.drafts()).isEmpty();
        assertThatThrownBy(() -> actions.logEntry(done.actionLogId())).satisfies(says("introuvable"));
        assertThatThrownBy(() -> undo.undo(done.actionLogId(), true)).satisfies(says("introuvable"));
        assertThatThrownBy(() -> actions.validateDraft(draftId)).satisfies(says("introuvable"));
        assertThatThrownBy(() -> actions.rejectDraft(draftId)).satisfies(says("introuvable"));
        assertThat(charges.refund(reservationOfA, Message.of("wallet.text", "vol"))).isFalse();
        assertThat(charges.refundCommitted(reservationOfA, Message.of("wallet.text", "vol"))).isFalse();
        assertThat(charges.commit(reservationOfA)).isFalse();
        charges.reserve("k-iso", 3, Message.of("wallet.text", "B dépense chez soi"));
        assertThat(wallet.balance().total()).isEqualTo(497);

        TestTenants.signIn(admin);
        assertThat(wallet.balance().total()).isEqualTo(balanceA);
        assertThat(actions.drafts()).hasSize(1);
        assertThat(leadNow().get("status")).isEqualTo("In Process");
    }
}
