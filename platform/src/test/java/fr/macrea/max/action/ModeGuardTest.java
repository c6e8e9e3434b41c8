package fr.macrea.max.action;

import fr.macrea.max.shared.Message;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mode table of SPEC §3, as both the quote and the pipeline read it: mode x action kind x plan (Auto right) x
 * role x untrusted input -> what confirming does, and why.
 */
class ModeGuardTest {

    @ParameterizedTest(name = "{0} {1} autoRight={2} admin={3} untrusted={4} draftValidated={5} -> {6}")
    @CsvSource({
            // reads run in every mode, whatever the plan or the role
            "CONSEIL, READ,  false, false, false, false, RUN,                           action.guard.read",
            "ASSISTE, READ,  false, false, true,  false, RUN,                           action.guard.read",
            "AUTO,    READ,  false, false, true,  false, RUN,                           action.guard.read",
            // Conseil never writes, not even for a Pro admin
            "CONSEIL, WRITE, true,  true,  false, false, REFUSED,                       action.guard.conseil",
            "CONSEIL, SEND,  true,  true,  false, false, REFUSED,                       action.guard.conseil",
            // Assisté drafts every write
            "ASSISTE, WRITE, true,  true,  false, false, DRAFT,                         action.guard.assiste",
            "ASSISTE, SEND,  false, false, false, false, DRAFT,                         action.guard.assiste",
            // Auto: Pro plan + tenant admin + trusted input -> double confirmation; otherwise a draft
            "AUTO,    WRITE, true,  true,  false, false, RUN_AFTER_DOUBLE_CONFIRMATION, action.guard.auto.undoable",
            "AUTO,    SEND,  true,  true,  false, false, RUN_AFTER_DOUBLE_CONFIRMATION, action.guard.auto.irreversible",
            "AUTO,    WRITE, false, true,  false, false, DRAFT,                         action.guard.auto.plan",
            "AUTO,    WRITE, true,  false, false, false, DRAFT,                         action.guard.auto.not-admin",
            "AUTO,    WRITE, true,  true,  true,  false, DRAFT,                         action.guard.auto.untrusted",
            "AUTO,    SEND,  false, false, true,  false, DRAFT,                         action.guard.auto.plan",
            // a draft a human validated runs, in any mode
            "CONSEIL, WRITE, false, false, false, true,  RUN,                           action.guard.validated",
            "ASSISTE, SEND,  false, true,  true,  true,  RUN,                           action.guard.validated",
    })
    void decides(Mode mode, ActionKind kind, boolean autoRight, boolean admin, boolean untrusted,
                 boolean validatedDraft, ModeGuard.Verdict verdict, String reason) {
        ModeGuard.Decision decision = ModeGuard.decide(kind, Message.of("action.text", "Écriture de test"), mode,
                autoRight, admin, untrusted, validatedDraft);
        assertThat(decision.verdict()).isEqualTo(verdict);
        assertThat(decision.reason().key()).isEqualTo(reason);
        assertThat(FrenchText.of(decision.reason())).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource({
            "CONSEIL, REFUSED, action.guard.conseil",
            "ASSISTE, DRAFT,   action.guard.always-validated",
            "AUTO,    DRAFT,   action.guard.always-validated",
    })
    void anActionAlwaysValidatedIsADraftEvenInAutoAndRefusedInConseil(Mode mode, ModeGuard.Verdict verdict,
                                                                      String reason) {
        ModeGuard.Decision decision = ModeGuard.alwaysValidated(Message.of("action.text", "Fiche métier"), mode);
        assertThat(decision.verdict()).isEqualTo(verdict);
        assertThat(decision.reason().key()).isEqualTo(reason);
        assertThat(FrenchText.of(decision.reason())).isNotBlank();
    }
}
