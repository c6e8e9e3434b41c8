package fr.macrea.max.action;

/** Where an action ended (action log status). The label is a message key ({@code action.status.*}). */
public enum ActionStatus {
    RUNNING,
    COMPLETED,
    FAILED,
    REFUSED,
    DRAFTED,
    UNDONE;

    public String labelKey() {
        return "action.status." + name();
    }
}
