package fr.macrea.max.security;

/** A user form that cannot be accepted; the message is shown as is (French). */
public class InvalidUserException extends RuntimeException {

    public InvalidUserException(String message) {
        super(message);
    }
}
