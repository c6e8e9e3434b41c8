package fr.macrea.max.action;

/** Thrown by an executor (through {@link ActionContext#abort}) to roll the action back deliberately. */
public class ActionAbortedException extends RuntimeException {

    public ActionAbortedException(String reason) {
        super(reason);
    }
}
