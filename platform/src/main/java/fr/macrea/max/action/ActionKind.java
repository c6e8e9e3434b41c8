package fr.macrea.max.action;

/** What an action does to the world; drives the mode guard and undo. */
public enum ActionKind {
    /** Reads and analyses only: allowed in every mode. */
    READ,
    /** Writes CRM data (recorded with before/after images, can be undone within 24 h). */
    WRITE,
    /** Sends or calls someone: irreversible, cannot be undone. */
    SEND;

    public boolean writes() {
        return this != READ;
    }

    public boolean irreversible() {
        return this == SEND;
    }
}
