package fr.macrea.max.action;

import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;

/** The pipeline refused to start an action (rights, mode, confirmation, bad input); nothing ran, nothing charged. */
public class ActionRefusedException extends LocalizedException {

    public ActionRefusedException(Message message) {
        super(message);
    }

    /** A refusal whose text is still a sentence (features not converted to message keys yet). */
    public ActionRefusedException(String text) {
        super(Message.of("action.text", text));
    }
}
