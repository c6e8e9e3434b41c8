package fr.macrea.max.action;

import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;

/** Thrown by an executor (through {@link ActionContext#abort}) to roll the action back deliberately. */
public class ActionAbortedException extends LocalizedException {

    /** A reason the action's own code gives (a sentence, until the action speaks in keys). */
    public ActionAbortedException(String reason) {
        super(Message.of("action.text", reason));
    }

    public ActionAbortedException(Message reason) {
        super(reason);
    }
}
