package fr.macrea.max.action;

import fr.macrea.max.action.analysis.LeadAnalysis;
import fr.macrea.max.action.analysis.LeadAnalysisService;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.crm.TimelineEntry;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.wallet.WalletService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The action pipeline end to end on MariaDB: failure paths, modes, plans, undo, idempotency, isolation. */
@Import(ActionPipelineIT.Events.class)
class ActionPipelineIT extends WalletActionsIT {

    @TestConfiguration
    static class Events {
        @Bean
        Recorder recorder() {
            return new Recorder();
        }
    }

    static class Recorder {
        final List<ActionEvent> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ActionEvent event) {
            events.add(event);
        }
    }

    @Autowired
    TenantService tenants;
    @Autowired
    WalletService wallet;
    @Autowired
    ActionService actions;
    @Autowired
    ModeService modes;
    @Autowired
    LeadAnalysisService analysis;
    @Autowired
    Recorder recorder;

    Tenant pro;
    MaxPrincipal admin;

    @BeforeEach
    void proTenantWithALead() {
        pro = TestTenants.create(tenants, "Pipeline", Plan.PRO);
        price(pro, TestWriteAction.ID, 5);
        price(pro, TestSendAction.ID, 3);
        admin = TestTenants.signInAs(pro, Role.TENANT_ADMIN);
        lead("L1", "New");
    }

    private ActionRequest<TestWriteAction.Params> write(String behaviour, String key) {
        return ActionRequest.of(TestWriteAction.ID,
                new TestWriteAction.Params("L1", Map.of("status", "In Process", "description", "modifié par M.A.X."),
                        behaviour), key);
    }

    private Map<String, Object> leadNow() {
        return crm.record(EntityRef.lead("L1"));
    }

    // ---- failure paths: throws, times out, rolled back -> refunded, CRM unchanged, log says why

    @Test
    void anExecutionThatThrowsIsRolledBackRefundedAndLogged() {
        modes.set(Mode.AUTO);
        Map<String, Object> before = leadNow();
        ActionOutcome<?> outcome = actions.run(write("throw", "k-throw").withDoubleConfirmation());
        assertThat(outcome.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(outcome.message()).contains("le service distant a répondu 500").contains("remboursés");
        assertThat(leadNow()).isEqualTo(before);
        assertThat(wallet.balance().total()).isEqualTo(500);
        assertThat(wallet.audit().consistent()).isTrue();
        ActionLogEntry entry = actions.logEntry(outcome.actionLogId());
        assertThat(entry.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(entry.reason()).contains("Erreur pendant l'exécution");
        assertThat(entry.cost()).isZero();
        assertThat(crm.notes(EntityRef.lead("L1"))).as("a failed action leaves no trace in the CRM").isEmpty();
        assertThat(recorder.events).anyMatch(e -> e.type().equals(ActionEvent.FAILED) && e.tenant().equals(pro.id()));
    }

    @Test
    void anExecutionThatTimesOutIsRolledBackRefundedAndLogged() {
        modes.set(Mode.AUTO);
        Map<String, Object> before = leadNow();
        ActionOutcome<?> outcome = actions.run(write("slow", "k-slow").withDoubleConfirmation());
        assertThat(outcome.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(outcome.message()).contains("Délai dépassé (400 ms)");
        assertThat(leadNow()).isEqualTo(before);
        assertThat(wallet.balance().total()).isEqualTo(500);
        assertThat(actions.logEntry(outcome.actionLogId()).reason()).contains("Délai dépassé");
    }

    @Test
    void anActionThatRollsItselfBackIsRefundedAndLogged() {
        modes.set(Mode.AUTO);
        Map<String, Object> before = leadNow();
        ActionOutcome<?> outcome = actions.run(write("abort", "k-abort").withDoubleConfirmation());
        assertThat(outcome.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(outcome.message()).contains("le contrôle qualité a refusé le résultat");
        assertThat(leadNow()).isEqualTo(before);
        assertThat(wallet.balance().total()).isEqualTo(500);
        assertThat(wallet.audit().consistent()).isTrue();
    }

    // ---- modes

    @Test
    void conseilCannotWriteEvenIfACallerTries() {
        modes.set(Mode.CONSEIL);
        Map<String, Object> before = leadNow();
        assertThatThrownBy(() -> actions.run(write("ok", "k-conseil").withDoubleConfirmation()))
                .isInstanceOf(ActionRefusedException.class).hasMessageContaining("En mode Conseil");
        assertThat(leadNow()).isEqualTo(before);
        assertThat(wallet.balance().total()).isEqualTo(500);
        assertThat(actions.log(10)).isEmpty();
        assertThat(actions.quote(TestWriteAction.ID).effect()).isEqualTo(ActionQuote.Effect.BLOCKED);
    }

    @Test
    void assisteWritesOnlyDraftsThatRunAndChargeWhenValidated() {
        modes.set(Mode.ASSISTE);
        Map<String, Object> before = leadNow();
        ActionOutcome<?> outcome = actions.run(write("ok", "k-draft").withDoubleConfirmation());
        assertThat(outcome.status()).isEqualTo(ActionStatus.DRAFTED);
        assertThat(leadNow()).isEqualTo(before);
        assertThat(wallet.balance().total()).isEqualTo(500);
        List<Draft> drafts = actions.drafts();
        assertThat(drafts).singleElement().satisfies(d -> {
            assertThat(d.quotedCost()).isEqualTo(5);
            assertThat(d.summary()).contains("L1");
        });

        ActionOutcome<Object> validated = actions.validateDraft(drafts.getFirst().id());
        assertThat(validated.status()).isEqualTo(ActionStatus.COMPLETED);
        assertThat(leadNow().get("status")).isEqualTo("In Process");
        assertThat(wallet.balance().total()).isEqualTo(495);
        assertThat(actions.drafts()).isEmpty();
        assertThatThrownBy(() -> actions.validateDraft(drafts.getFirst().id()))
                .hasMessageContaining("déjà été traité");
        assertThat(wallet.balance().total()).as("validated once, charged once").isEqualTo(495);
    }

    @Test
    void aRejectedDraftNeverRuns() {
        modes.set(Mode.ASSISTE);
        actions.run(write("ok", "k-reject"));
        Draft draft = actions.drafts().getFirst();
        actions.rejectDraft(draft.id());
        assertThat(actions.drafts()).isEmpty();
        assertThatThrownBy(() -> actions.validateDraft(draft.id())).hasMessageContaining("déjà été traité");
        assertThat(leadNow().get("status")).isEqualTo("New");
    }

    @Test
    void autoWithoutTheSecondConfirmationDoesNothing() {
        modes.set(Mode.AUTO);
        Map<String, Object> before = leadNow();
        assertThatThrownBy(() -> actions.run(write("ok", "k-auto")))
                .isInstanceOf(ConfirmationRequiredException.class).hasMessageContaining("double confirmation");
        assertThat(leadNow()).isEqualTo(before);
        assertThat(wallet.balance().total()).isEqualTo(500);
        assertThat(actions.log(10)).isEmpty();
        assertThat(actions.drafts()).isEmpty();

        ActionOutcome<?> confirmed = actions.run(write("ok", "k-auto").withDoubleConfirmation());
        assertThat(confirmed.status()).isEqualTo(ActionStatus.COMPLETED);
        assertThat(confirmed.cost()).isEqualTo(5);
        assertThat(leadNow().get("status")).isEqualTo("In Process");
        assertThat(crm.notes(EntityRef.lead("L1"))).singleElement().asString().contains("Écriture de test");
    }

    @Test
    void untrustedInputTurnsAnAutoWriteIntoADraft() {
        modes.set(Mode.AUTO);
        ActionOutcome<?> outcome = actions.run(write("ok", "k-untrusted").withDoubleConfirmation().withUntrustedInput());
        assertThat(outcome.status()).isEqualTo(ActionStatus.DRAFTED);
        assertThat(outcome.message()).contains("Autonomie réduite");
        assertThat(leadNow().get("status")).isEqualTo("New");
    }

    @Test
    void standardTenantsCannotRunLockedActionsNorChooseAuto() {
        Tenant standard = TestTenants.create(tenants, "Standard", Plan.STANDARD);
        TestTenants.signInAs(standard, Role.TENANT_ADMIN);
        lead("S1", "New");
        assertThatThrownBy(() -> modes.set(Mode.AUTO)).hasMessageContaining("réservé aux plans Pro et Studio");
        modes.set(Mode.ASSISTE);
        assertThatThrownBy(() -> actions.run(ActionRequest.of("ai.call", new TestSendAction.Params("S1"), "k-call")
                .withDoubleConfirmation()))
                .isInstanceOf(ActionRefusedException.class)
                .hasMessageContaining("Appels IA").hasMessageContaining("Pro");
        assertThat(actions.quote("ai.call").effect()).isEqualTo(ActionQuote.Effect.BLOCKED);
        assertThat(actions.quote("ai.call").lockedMessage()).contains("plan Pro");
        assertThat(wallet.balance().total()).isEqualTo(100);
    }

    // ---- undo

    @Test
    void undoRestoresTheBeforeImageAndRefunds() {
        modes.set(Mode.AUTO);
        ActionOutcome<?> done = actions.run(write("ok", "k-undo").withDoubleConfirmation());
        assertThat(wallet.balance().total()).isEqualTo(495);
        assertThat(actions.logEntry(done.actionLogId()).undoable()).isTrue();

        UndoResult undo = actions.undo(done.actionLogId(), false);
        assertThat(undo.outcome()).isEqualTo(UndoResult.Outcome.UNDONE);
        assertThat(undo.refundedTokens()).isEqualTo(5);
        assertThat(leadNow().get("status")).isEqualTo("New");
        assertThat(leadNow().get("description")).isEqualTo("Intéressée par la formule Pro");
        assertThat(wallet.balance().total()).isEqualTo(500);
        assertThat(wallet.audit().consistent()).isTrue();
        assertThat(actions.logEntry(done.actionLogId()).status()).isEqualTo(ActionStatus.UNDONE);
        assertThatThrownBy(() -> actions.undo(done.actionLogId(), true)).hasMessageContaining("réussie");
        assertThat(wallet.balance().total()).as("refunded once").isEqualTo(500);
    }

    @Test
    void undoAfterAHumanEditAsksBeforeOverwriting() {
        modes.set(Mode.AUTO);
        ActionOutcome<?> done = actions.run(write("ok", "k-conflict").withDoubleConfirmation());
        crm.humanEdit(EntityRef.lead("L1"), "status", "Assigned");

        UndoResult asked = actions.undo(done.actionLogId(), false);
        assertThat(asked.outcome()).isEqualTo(UndoResult.Outcome.NEEDS_OVERWRITE_CONFIRMATION);
        assertThat(asked.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("status");
            assertThat(c.currentValue()).isEqualTo("Assigned");
            assertThat(c.restoredValue()).isEqualTo("New");
        });
        assertThat(leadNow().get("status")).as("nothing changed yet").isEqualTo("Assigned");
        assertThat(wallet.balance().total()).isEqualTo(495);

        UndoResult forced = actions.undo(done.actionLogId(), true);
        assertThat(forced.outcome()).isEqualTo(UndoResult.Outcome.UNDONE);
        assertThat(leadNow().get("status")).isEqualTo("New");
        assertThat(wallet.balance().total()).isEqualTo(500);
    }

    @Test
    void irreversibleActionsAndOldActionsCannotBeUndone() {
        modes.set(Mode.AUTO);
        ActionOutcome<?> sent = actions.run(ActionRequest.of(TestSendAction.ID, new TestSendAction.Params("L1"), "k-send")
                .withDoubleConfirmation());
        assertThat(sent.status()).isEqualTo(ActionStatus.COMPLETED);
        assertThat(actions.logEntry(sent.actionLogId()).undoable()).isFalse();
        assertThatThrownBy(() -> actions.undo(sent.actionLogId(), true)).hasMessageContaining("irréversibles");

        ActionOutcome<?> written = actions.run(write("ok", "k-old").withDoubleConfirmation());
        clock.advance(Duration.ofHours(25));
        assertThatThrownBy(() -> actions.undo(written.actionLogId(), true)).hasMessageContaining("24 h");
        assertThat(wallet.balance().total()).isEqualTo(492);
    }

    // ---- idempotency through the pipeline

    @Test
    void thirtyTwoConcurrentSubmissionsWithOneKeyChargeOnceAndReturnTheFirstOutcome() throws Exception {
        modes.set(Mode.CONSEIL);
        crm.addTimeline(EntityRef.lead("L1"), new TimelineEntry("Call", "c1", "Appel", "Held", null,
                clock.instant().minus(2, ChronoUnit.DAYS)));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ActionOutcome<LeadAnalysis>>> futures = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            futures.add(pool.submit(() -> {
                TestTenants.signIn(admin);
                start.await();
                return analysis.analyseLead("L1", "same-click");
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
        crm.addTimeline(EntityRef.lead("L1"), new TimelineEntry("CampaignLogRecord", "r1", "Newsletter", "Clicked",
                null, clock.instant().minus(1, ChronoUnit.DAYS)));
        ActionOutcome<LeadAnalysis> outcome = analysis.analyseLead("L1", "k-analyse");
        assertThat(outcome.status()).isEqualTo(ActionStatus.COMPLETED);
        assertThat(outcome.cost()).isEqualTo(2);
        assertThat(outcome.result().campaign().clicked()).isEqualTo(1);
        assertThat(fr.macrea.max.testing.Texts.fr(outcome.result().nextActions())).anyMatch(a -> a.contains("l'appeler dans les 48 h"));
        assertThat(wallet.balance().total()).isEqualTo(498);
        assertThat(crm.notes(EntityRef.lead("L1"))).singleElement().asString().contains("Analyse de lead");
        ActionLogEntry entry = actions.logEntry(outcome.actionLogId());
        assertThat(entry.mode()).isEqualTo(Mode.CONSEIL);
        assertThat(entry.userName()).isEqualTo(admin.displayName());
        assertThat(entry.durationMs()).isNotNull();
    }

    @Test
    void analysingAMissingLeadIsRefunded() {
        ActionOutcome<LeadAnalysis> outcome = analysis.analyseLead("NOPE", "k-missing");
        assertThat(outcome.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(outcome.message()).contains("introuvable");
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
        long reservationOfA = wallet.reserve("a-held", 4, "réservation de A").id();
        int balanceA = wallet.balance().total();

        Tenant other = TestTenants.create(tenants, "Intrus", Plan.PRO);
        TestTenants.signInAs(other, Role.TENANT_ADMIN);
        assertThat(actions.log(100)).isEmpty();
        assertThat(actions.drafts()).isEmpty();
        assertThatThrownBy(() -> actions.logEntry(done.actionLogId())).hasMessageContaining("introuvable");
        assertThatThrownBy(() -> actions.undo(done.actionLogId(), true)).hasMessageContaining("introuvable");
        assertThatThrownBy(() -> actions.validateDraft(draftId)).hasMessageContaining("introuvable");
        assertThatThrownBy(() -> actions.rejectDraft(draftId)).hasMessageContaining("introuvable");
        assertThat(wallet.refund(reservationOfA, "vol")).isFalse();
        assertThat(wallet.refundCommitted(reservationOfA, "vol")).isFalse();
        assertThat(wallet.commit(reservationOfA)).isFalse();
        wallet.reserve("k-iso", 3, "B dépense chez soi");
        assertThat(wallet.balance().total()).isEqualTo(497);

        TestTenants.signIn(admin);
        assertThat(wallet.balance().total()).isEqualTo(balanceA);
        assertThat(actions.drafts()).hasSize(1);
        assertThat(leadNow().get("status")).isEqualTo("In Process");
    }
}
