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
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.AfterEach;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.reporting.CrmFixtures;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.shared.Message;
import fr.macrea.max.wallet.ActionCharges;
import fr.macrea.max.wallet.DefaultPrices;
import fr.macrea.max.wallet.PriceTableService;
import fr.macrea.max.wallet.Right;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The action pipeline end to end on MariaDB and the real embedded CRM (the tenant's CRM schema): failure paths and
 * their rollback through the CRM port, modes, plans, undo, idempotency, the note posted on the lead, isolation.
 */
@Import({ActionPipelineIT.Doubles.class, ActionPipelineIT.Events.class})
@TestPropertySource(properties = {"max.wallet.sweeper.enabled=false", "spring.datasource.hikari.maximum-pool-size=40"})
class ActionPipelineIT extends PlatformIT {

    /** A movable clock and the test actions; the CRM is the real one. */
    @TestConfiguration
    static class Doubles {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }

        @Bean
        TestWriteAction testWriteAction() {
            return new TestWriteAction();
        }

        @Bean
        TestSendAction testSendAction() {
            return new TestSendAction(TestSendAction.ID, Right.BASIC_AI);
        }

        /** An AI call: locked on Standard (SPEC §5). */
        @Bean
        TestSendAction aiCallAction() {
            return new TestSendAction(DefaultPrices.AI_CALL, Right.AI_CALLS);
        }
    }

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
    ActionCharges charges;
    @Autowired
    ActionService actions;
    @Autowired
    UndoService undo;
    @Autowired
    ModeService modes;
    @Autowired
    LeadAnalysisService analysis;
    @Autowired
    CrmGateway crm;
    @Autowired
    TenantDsl tenantDsl;
    @Autowired
    PriceTableService prices;
    @Autowired
    MutableClock clock;
    @Autowired
    Recorder recorder;

    Tenant pro;
    MaxPrincipal admin;
    String l1;

    @BeforeEach
    void proTenantWithALead() {
        pro = TestTenants.create(tenants, "Pipeline", Plan.PRO);
        price(pro, TestWriteAction.ID, 5);
        price(pro, TestSendAction.ID, 3);
        admin = TestTenants.signInAs(pro, Role.TENANT_ADMIN);
        l1 = lead("New");
    }

    @AfterEach
    void resetWorld() {
        clock.reset();
        TestTenants.signOut();
    }

    private void price(Tenant tenant, String actionId, int tokens) {
        SystemAuthentication.asPlatform(() -> prices.setPrice(tenant.id(), actionId, tokens));
    }

    /** A lead in the signed-in tenant's embedded CRM, created through the CRM port. */
    private String lead(String status) {
        return crm.create("Lead", Map.of("firstName", "Camille", "lastName", "Martin", "status", status,
                "source", "Web Site", "description", "Intéressée par la formule Pro", "accountName", "Boutique Zen",
                "emailAddress", "camille@zen.fr", "phoneNumber", "+33600000000", "assignedUserId", "u1"), true);
    }

    /** The failure's text, as the user reads it, contains {@code text}. */
    private static ThrowingConsumer<Throwable> says(String text) {
        return e -> assertThat(FrenchText.of(e)).contains(text);
    }

    private ActionRequest<TestWriteAction.Params> write(String behaviour, String key) {
        return ActionRequest.of(TestWriteAction.ID,
                new TestWriteAction.Params(l1, Map.of("status", "In Process", "description", "modifié par M.A.X."),
                        behaviour), key);
    }

    private Map<String, Object> leadNow() {
        return crm.readAttributes(EntityRef.lead(l1), Set.of("status", "description"));
    }

    /** The notes M.A.X. posted on the lead's stream in the CRM. */
    private List<String> notes() {
        return crm.timeline(EntityRef.lead(l1), 50).stream().filter(t -> "Note".equals(t.kind()))
                .map(TimelineEntry::detail).toList();
    }

    // ---- failure paths: throws, times out, rolled back -> refunded, CRM unchanged, log says why

    @Test
    void anExecutionThatThrowsIsRolledBackRefundedAndLogged() {
        modes.set(Mode.AUTO);
        Map<String, Object> before = leadNow();
        ActionOutcome<?> outcome = actions.run(write("throw", "k-throw").withDoubleConfirmation());
        assertThat(outcome.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(FrenchText.of(outcome.message())).contains("le service distant a répondu 500").contains("remboursés");
        assertThat(leadNow()).isEqualTo(before);
        assertThat(wallet.balance().total()).isEqualTo(500);
        assertThat(wallet.audit().consistent()).isTrue();
        ActionLogEntry entry = actions.logEntry(outcome.actionLogId());
        assertThat(entry.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(FrenchText.of(entry.reason())).contains("Erreur pendant l’exécution");
        assertThat(entry.cost()).isZero();
        assertThat(notes()).as("a failed action leaves no trace in the CRM").isEmpty();
        assertThat(recorder.events).anyMatch(e -> e.type().equals(ActionEvent.FAILED) && e.tenant().equals(pro.id()));
    }

    @Test
    void anExecutionThatTimesOutIsRolledBackRefundedAndLogged() {
        modes.set(Mode.AUTO);
        Map<String, Object> before = leadNow();
        ActionOutcome<?> outcome = actions.run(write("slow", "k-slow").withDoubleConfirmation());
        assertThat(outcome.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(FrenchText.of(outcome.message())).contains("Délai dépassé (400 ms)");
        assertThat(leadNow()).isEqualTo(before);
        assertThat(wallet.balance().total()).isEqualTo(500);
        assertThat(FrenchText.of(actions.logEntry(outcome.actionLogId()).reason())).contains("Délai dépassé");
    }

    @Test
    void anActionThatRollsItselfBackIsRefundedAndLogged() {
        modes.set(Mode.AUTO);
        Map<String, Object> before = leadNow();
        ActionOutcome<?> outcome = actions.run(write("abort", "k-abort").withDoubleConfirmation());
        assertThat(outcome.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(FrenchText.of(outcome.message())).contains("le contrôle qualité a refusé le résultat");
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
                .isInstanceOf(ActionRefusedException.class).satisfies(says("En mode Conseil"));
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
            assertThat(d.summary()).contains(l1);
        });

        ActionOutcome<Object> validated = actions.validateDraft(drafts.getFirst().id());
        assertThat(validated.status()).isEqualTo(ActionStatus.COMPLETED);
        assertThat(leadNow().get("status")).isEqualTo("In Process");
        assertThat(wallet.balance().total()).isEqualTo(495);
        assertThat(actions.drafts()).isEmpty();
        assertThatThrownBy(() -> actions.validateDraft(drafts.getFirst().id()))
                .satisfies(says("déjà été traité"));
        assertThat(wallet.balance().total()).as("validated once, charged once").isEqualTo(495);
    }

    @Test
    void aRejectedDraftNeverRuns() {
        modes.set(Mode.ASSISTE);
        actions.run(write("ok", "k-reject"));
        Draft draft = actions.drafts().getFirst();
        actions.rejectDraft(draft.id());
        assertThat(actions.drafts()).isEmpty();
        assertThatThrownBy(() -> actions.validateDraft(draft.id())).satisfies(says("déjà été traité"));
        assertThat(leadNow().get("status")).isEqualTo("New");
    }

    @Test
    void autoWithoutTheSecondConfirmationDoesNothing() {
        modes.set(Mode.AUTO);
        Map<String, Object> before = leadNow();
        assertThatThrownBy(() -> actions.run(write("ok", "k-auto")))
                .isInstanceOf(ConfirmationRequiredException.class).satisfies(says("double confirmation"));
        assertThat(leadNow()).isEqualTo(before);
        assertThat(wallet.balance().total()).isEqualTo(500);
        assertThat(actions.log(10)).isEmpty();
        assertThat(actions.drafts()).isEmpty();

        ActionOutcome<?> confirmed = actions.run(write("ok", "k-auto").withDoubleConfirmation());
        assertThat(confirmed.status()).isEqualTo(ActionStatus.COMPLETED);
        assertThat(confirmed.cost()).isEqualTo(5);
        assertThat(leadNow().get("status")).isEqualTo("In Process");
        assertThat(notes()).singleElement().asString().contains("Écriture de test");
    }

    @Test
    void untrustedInputTurnsAnAutoWriteIntoADraft() {
        modes.set(Mode.AUTO);
        // the quote says it first: what the card shows is what submit does
        assertThat(actions.quote(TestWriteAction.ID).effect())
                .isEqualTo(ActionQuote.Effect.RUN_AFTER_DOUBLE_CONFIRMATION);
        assertThat(actions.quote(TestWriteAction.ID, true).effect()).isEqualTo(ActionQuote.Effect.DRAFT);
        ActionOutcome<?> outcome = actions.run(write("ok", "k-untrusted").withDoubleConfirmation().withUntrustedInput());
        assertThat(outcome.status()).isEqualTo(ActionStatus.DRAFTED);
        assertThat(FrenchText.of(outcome.message())).contains("Autonomie réduite");
        assertThat(leadNow().get("status")).isEqualTo("New");
    }

    @Test
    void standardTenantsCannotRunLockedActionsNorChooseAuto() {
        Tenant standard = TestTenants.create(tenants, "Standard", Plan.STANDARD);
        TestTenants.signInAs(standard, Role.TENANT_ADMIN);
        lead("New");
        assertThatThrownBy(() -> modes.set(Mode.AUTO)).satisfies(says("réservé aux plans Pro et Studio"));
        modes.set(Mode.ASSISTE);
        assertThatThrownBy(() -> actions.run(ActionRequest.of("ai.call", new TestSendAction.Params("S1"), "k-call")
                .withDoubleConfirmation()))
                .isInstanceOf(ActionRefusedException.class)
                .satisfies(says("Appels IA")).satisfies(says("Pro"));
        assertThat(actions.quote("ai.call").effect()).isEqualTo(ActionQuote.Effect.BLOCKED);
        assertThat(FrenchText.of(actions.quote("ai.call").lockedMessage())).contains("plan Pro");
        assertThat(wallet.balance().total()).isEqualTo(100);
    }

    // ---- undo

    @Test
    void undoRestoresTheBeforeImageAndRefunds() {
        modes.set(Mode.AUTO);
        ActionOutcome<?> done = actions.run(write("ok", "k-undo").withDoubleConfirmation());
        assertThat(wallet.balance().total()).isEqualTo(495);
        assertThat(actions.logEntry(done.actionLogId()).undoable()).isTrue();

        UndoResult undone = undo.undo(done.actionLogId(), false);
        assertThat(undone.outcome()).isEqualTo(UndoResult.Outcome.UNDONE);
        assertThat(undone.refundedTokens()).isEqualTo(5);
        assertThat(leadNow().get("status")).isEqualTo("New");
        assertThat(leadNow().get("description")).isEqualTo("Intéressée par la formule Pro");
        assertThat(wallet.balance().total()).isEqualTo(500);
        assertThat(wallet.audit().consistent()).isTrue();
        assertThat(actions.logEntry(done.actionLogId()).status()).isEqualTo(ActionStatus.UNDONE);
        assertThatThrownBy(() -> undo.undo(done.actionLogId(), true)).satisfies(says("réussie"));
        assertThat(wallet.balance().total()).as("refunded once").isEqualTo(500);
    }

    @Test
    void undoAfterAHumanEditAsksBeforeOverwriting() {
        modes.set(Mode.AUTO);
        ActionOutcome<?> done = actions.run(write("ok", "k-conflict").withDoubleConfirmation());
        crm.update(EntityRef.lead(l1), Map.of("status", "Assigned")); // a human, in the CRM

        UndoResult asked = undo.undo(done.actionLogId(), false);
        assertThat(asked.outcome()).isEqualTo(UndoResult.Outcome.NEEDS_OVERWRITE_CONFIRMATION);
        assertThat(asked.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("status");
            assertThat(c.currentValue()).isEqualTo("Assigned");
            assertThat(c.restoredValue()).isEqualTo("New");
        });
        assertThat(leadNow().get("status")).as("nothing changed yet").isEqualTo("Assigned");
        assertThat(wallet.balance().total()).isEqualTo(495);

        UndoResult forced = undo.undo(done.actionLogId(), true);
        assertThat(forced.outcome()).isEqualTo(UndoResult.Outcome.UNDONE);
        assertThat(leadNow().get("status")).isEqualTo("New");
        assertThat(wallet.balance().total()).isEqualTo(500);
    }

    @Test
    void irreversibleActionsAndOldActionsCannotBeUndone() {
        modes.set(Mode.AUTO);
        ActionOutcome<?> sent = actions.run(ActionRequest.of(TestSendAction.ID, new TestSendAction.Params(l1), "k-send")
                .withDoubleConfirmation());
        assertThat(sent.status()).isEqualTo(ActionStatus.COMPLETED);
        assertThat(actions.logEntry(sent.actionLogId()).undoable()).isFalse();
        assertThatThrownBy(() -> undo.undo(sent.actionLogId(), true)).satisfies(says("irréversibles"));

        ActionOutcome<?> written = actions.run(write("ok", "k-old").withDoubleConfirmation());
        clock.advance(Duration.ofHours(25));
        assertThatThrownBy(() -> undo.undo(written.actionLogId(), true)).satisfies(says("24 h"));
        assertThat(wallet.balance().total()).isEqualTo(492);
    }

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
                .as("the ledger line, rendered as Budget IA shows it").isEqualTo("Analyse de lead : analyse du lead " + l1);
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
