package fr.macrea.max.action;

import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.NoTenantException;
import fr.macrea.max.wallet.Entitlements;
import fr.macrea.max.wallet.Right;
import org.springframework.stereotype.Component;

/**
 * The mode rules of SPEC §3, in one place: the action card's quote and the pipeline's submit both ask here, so what a
 * user is shown is what confirming does. Conseil reads only; Assisté turns writes into drafts; Auto writes need the
 * Pro plan (Auto right), a tenant admin and a second explicit confirmation, and become drafts when untrusted text is
 * in the context. Reads, and drafts a human has validated, always run.
 */
@Component
class ModeGuard {

    /** What confirming an action does. */
    enum Verdict {
        RUN,
        /** Auto write: runs only with the second, explicit confirmation. */
        RUN_AFTER_DOUBLE_CONFIRMATION,
        DRAFT,
        REFUSED
    }

    /** The verdict and, unless it simply runs, why (a message key for the user). */
    record Decision(Verdict verdict, Message reason) {
        boolean draft() {
            return verdict == Verdict.DRAFT;
        }
    }

    private final Entitlements entitlements;
    private final TenantContext context;

    ModeGuard(Entitlements entitlements, TenantContext context) {
        this.entitlements = entitlements;
        this.context = context;
    }

    /** The decision for the signed-in user, whose plan and role are read on the server, whatever the caller says. */
    Decision decide(ActionDefinition<?, ?> definition, Mode mode, boolean untrustedInput, boolean validatedDraft) {
        if (definition.alwaysValidated() && !validatedDraft) {
            return alwaysValidated(definition.label(), mode);
        }
        if (!definition.kind().writes() || validatedDraft) {
            return decide(definition.kind(), definition.label(), mode, false, false, untrustedInput, validatedDraft);
        }
        boolean autoRight = entitlements.has(Right.AUTO_MODE);
        boolean admin = ModeService.isTenantAdmin(context.principal().orElseThrow(NoTenantException::new));
        return decide(definition.kind(), definition.label(), mode, autoRight, admin, untrustedInput, false);
    }

    /** An action a human always validates: never runs from a request, only from a validated draft. */
    static Decision alwaysValidated(Message label, Mode mode) {
        return mode == Mode.CONSEIL ? new Decision(Verdict.REFUSED, Message.of("action.guard.conseil", label))
                : new Decision(Verdict.DRAFT, Message.of("action.guard.always-validated"));
    }

    /** The table itself: mode x action kind x plan (Auto right) x role x untrusted input. */
    static Decision decide(ActionKind kind, Message label, Mode mode, boolean autoRight, boolean tenantAdmin,
                           boolean untrustedInput, boolean validatedDraft) {
        if (!kind.writes()) {
            return new Decision(Verdict.RUN, Message.of("action.guard.read"));
        }
        if (validatedDraft) {
            return new Decision(Verdict.RUN, Message.of("action.guard.validated"));
        }
        return switch (mode) {
            case CONSEIL -> new Decision(Verdict.REFUSED, Message.of("action.guard.conseil", label));
            case ASSISTE -> new Decision(Verdict.DRAFT, Message.of("action.guard.assiste"));
            case AUTO -> {
                if (!autoRight) {
                    yield new Decision(Verdict.DRAFT, Message.of("action.guard.auto.plan"));
                }
                if (untrustedInput) {
                    yield new Decision(Verdict.DRAFT, Message.of("action.guard.auto.untrusted"));
                }
                if (!tenantAdmin) {
                    yield new Decision(Verdict.DRAFT, Message.of("action.guard.auto.not-admin"));
                }
                yield new Decision(Verdict.RUN_AFTER_DOUBLE_CONFIRMATION, Message.of(kind.irreversible()
                        ? "action.guard.auto.irreversible" : "action.guard.auto.undoable"));
            }
        };
    }
}
