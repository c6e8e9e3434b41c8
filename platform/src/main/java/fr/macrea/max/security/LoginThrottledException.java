package fr.macrea.max.security;

import fr.macrea.max.shared.Message;
import org.springframework.security.authentication.AccountStatusException;

import java.time.Duration;

/**
 * A sign-in refused without checking the password: too many failed attempts for this account or from this
 * address ({@link LoginThrottle}). The form login shows when to retry; HTTP Basic answers 429 with Retry-After.
 */
public class LoginThrottledException extends AccountStatusException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("too many failed sign-ins, retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole minutes to wait, at least one: what the login view shows. */
    public long retryAfterMinutes() {
        return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
    }

    /** The message for API clients (rendered in French, the product's language). */
    public Message message() {
        return Message.of("security.login.throttled", retryAfter.toSeconds());
    }
}
