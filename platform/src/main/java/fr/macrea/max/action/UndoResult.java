package fr.macrea.max.action;

import fr.macrea.max.shared.Message;

import java.util.List;

/**
 * The answer to an undo request.
 *
 * @param conflicts fields a human changed since the action: undoing would overwrite them (asked first)
 */
public record UndoResult(Outcome outcome, List<UndoConflict> conflicts, int refundedTokens, Message message) {

    public enum Outcome {
        UNDONE,
        /** Nothing done: confirm with overwrite = true to undo anyway. */
        NEEDS_OVERWRITE_CONFIRMATION
    }

    public UndoResult {
        conflicts = List.copyOf(conflicts);
    }
}
