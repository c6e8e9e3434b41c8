package fr.macrea.max.shared;

/**
 * An exception whose user-facing text is a {@link Message}. {@link #getMessage()} is the key and arguments, for
 * logs; views render {@link #message()} with their i18n provider.
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
}
