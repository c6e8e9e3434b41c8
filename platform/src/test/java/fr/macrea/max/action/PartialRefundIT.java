package fr.macrea.max.action;

import fr.macrea.max.shared.Message;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Giving back the unused units of a completed action (a send that reached fewer people than it was charged for):
 * exactly once whatever the number of concurrent callers, never more than charged, never for another run.
 */
class PartialRefundIT extends ActionPipelineBase {

    @Test
    void unusedUnitsAreRefundedExactlyOnceUnderConcurrency() throws Exception {
        modes.set(Mode.AUTO);
        ActionOutcome<Object> sent = actions.run(ActionRequest.of(TestSendAction.PER_UNIT_ID,
                new TestSendAction.Params(l1), "k-partial").withDoubleConfirmation());
        assertThat(sent.cost()).isEqualTo(3);
        int afterCharge = wallet.balance().total();

        var principal = fr.macrea.max.testing.TestTenants.signIn(admin);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<Boolean> call = () -> {
                fr.macrea.max.testing.TestTenants.signIn(principal);
                try {
                    return actions.refundUnusedUnits(sent.actionLogId(), 2, 3, Message.of("action.text", "non envoyés"));
                } finally {
                    fr.macrea.max.testing.TestTenants.signOut();
                }
            };
            calls.add(pool.submit(call));
        }
        int refunded = 0;
        for (Future<Boolean> f : calls) {
            refunded += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(refunded).isEqualTo(1);
        assertThat(wallet.balance().total()).as("3 tokens x 2/3 units").isEqualTo(afterCharge + 2);
        assertThat(actions.refundUnusedUnits(sent.actionLogId(), 1, 3, Message.of("action.text", "x"))).isFalse();
        assertThat(wallet.balance().total()).isEqualTo(afterCharge + 2);
    }

    @Test
    void anActionThatDoesNotSettleUnitsRefusesAPartialRefund() {
        modes.set(Mode.AUTO);
        ActionOutcome<Object> sent = actions.run(ActionRequest.of(TestSendAction.ID,
                new TestSendAction.Params(l1), "k-partial-3").withDoubleConfirmation());
        int afterCharge = wallet.balance().total();
        assertThatThrownBy(() -> actions.refundUnusedUnits(sent.actionLogId(), 1, 1, Message.of("action.text", "x")))
                .isInstanceOf(ActionRefusedException.class);
        assertThat(wallet.balance().total()).isEqualTo(afterCharge);
    }

    @Test
    void nothingIsRefundedForNothingUnusedNorForAnUnknownRun() {
        modes.set(Mode.AUTO);
        ActionOutcome<Object> sent = actions.run(ActionRequest.of(TestSendAction.PER_UNIT_ID,
                new TestSendAction.Params(l1), "k-partial-2").withDoubleConfirmation());
        int afterCharge = wallet.balance().total();
        assertThat(actions.refundUnusedUnits(sent.actionLogId(), 0, 3, Message.of("action.text", "x"))).isFalse();
        assertThat(wallet.balance().total()).isEqualTo(afterCharge);
        assertThatThrownBy(() -> actions.refundUnusedUnits(sent.actionLogId() + 10_000, 1, 1,
                Message.of("action.text", "x"))).isInstanceOf(ActionRefusedException.class);
        // more unused units than charged cannot give back more than the cost
        assertThat(actions.refundUnusedUnits(sent.actionLogId(), 9, 3, Message.of("action.text", "x"))).isTrue();
        assertThat(wallet.balance().total()).isEqualTo(afterCharge + 3);
    }
}
