package fr.macrea.max.action;

import fr.macrea.max.shared.Message;

import java.math.BigDecimal;

/**
 * What the action card shows before anything runs.
 *
 * @param label          the action's name, rendered in the user's language
 * @param effect         what confirming would do in the current mode
 * @param lockedMessage  when the plan lacks the right: what unlocks it, else null
 * @param effectMessage  what confirming does in the current mode, or why it is blocked
 */
public record ActionQuote(String actionId, Message label, ActionKind kind, Mode mode, int cost, BigDecimal costEur,
                          int balance, int balanceAfter, BigDecimal balanceAfterEur, Effect effect,
                          Message lockedMessage, Message effectMessage) {

    public enum Effect {
        /** Runs at once (read actions, or Auto writes after double confirmation). */
        RUN,
        /** Runs after a second explicit confirmation (Auto writes). */
        RUN_AFTER_DOUBLE_CONFIRMATION,
        /** Becomes a draft waiting for validation. */
        DRAFT,
        /** Not allowed (mode Conseil, plan, or not enough tokens). */
        BLOCKED
    }

    public boolean affordable() {
        return balanceAfter >= 0;
    }
}
