package fr.macrea.max.action;

import fr.macrea.max.crm.EntityRef;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the pipeline undoes: an execution that throws, times out or rolls itself back is rolled back through the CRM
 * port, refunded and logged with its reason; undo restores the before-image and refunds, asks before overwriting a
 * human edit, and refuses irreversible or old actions.
 */
class ActionPipelineRollbackIT extends ActionPipelineBase {

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
}
