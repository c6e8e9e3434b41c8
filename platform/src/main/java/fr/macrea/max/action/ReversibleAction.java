package fr.macrea.max.action;

import java.util.List;

/**
 * An action whose effect is not a set of record writes (a schema migration): it undoes itself. {@link UndoService}
 * still does the rest the same way as for record writes: the claim (exactly once), the refund, the note and the
 * event. Such an undo is offered at any time; the tokens are refunded within the undo window only.
 *
 * @param <R> the action's result, read back from the action log
 */
public interface ReversibleAction<R> {

    /** What undoing would lose (data written since), asked before anything is done; empty when nothing is lost. */
    List<UndoConflict> undoConflicts(R result);

    /**
     * Undoes the action. {@code overwrite}: the user confirmed losing what {@link #undoConflicts} listed. Throws an
     * {@link ActionRefusedException} (nothing done) or another exception (the undo failed; it can be tried again).
     */
    void reverse(R result, boolean overwrite) throws Exception;
}
