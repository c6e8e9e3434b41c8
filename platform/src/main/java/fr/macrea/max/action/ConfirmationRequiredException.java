package fr.macrea.max.action;

import fr.macrea.max.shared.Message;

/** An Auto write was asked without its second, explicit confirmation: nothing happened. */
public class ConfirmationRequiredException extends ActionRefusedException {

    public ConfirmationRequiredException() {
        super(Message.of("action.confirmation-required"));
    }
}
