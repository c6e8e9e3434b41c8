package fr.macrea.max.action;

/** The pipeline refused to start an action (rights, mode, confirmation, bad input); nothing ran, nothing charged. */
public class ActionRefusedException extends RuntimeException {

    public ActionRefusedException(String message) {
        super(message);
    }
}
