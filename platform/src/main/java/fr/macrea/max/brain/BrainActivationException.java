package fr.macrea.max.brain;

/** A brain cannot be activated for a tenant; the message is French and shown as is. */
public class BrainActivationException extends RuntimeException {

    public BrainActivationException(String message) {
        super(message);
    }
}
