package fr.macrea.max.action;

import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pipeline's modes and plan guard end to end: Conseil cannot write, Assisté writes only drafts (validated once,
 * or rejected), Auto needs the second confirmation, untrusted input turns Auto into a draft, Standard cannot run
 * locked actions nor choose Auto.
 */
class ActionPipelineModesIT extends ActionPipelineBase {

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
            assertThat(fr.macrea.max.shared.FrenchMessages.render(d.summary())).contains(l1);
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
}
