package fr.macrea.max.shared;

/**
 * An exception whose user-facing text is a {@link Message}. Views render {@link #message()} in the user's language
 * ({@code ui.base.Messages}); {@link #getMessage()} is the French text with its key, for logs, API clients and the
 * callers not converted yet.
 */
public class LocalizedException extends RuntimeException {

    private final Message message;

    public LocalizedException(Message message) {
        super(message.toString());
        this.message = message;
    }

    public LocalizedException(Message message, Throwable cause) {
        super(message.toString(), cause);
        this.message = message;
    }

    public Message message() {
        return message;
    }

    /** The French text (the product's first language), as the platform's own bundles render it. */
    @Override
    public String getMessage() {
        return FrenchMessages.render(message);
    }
}
