package fr.macrea.max.security;

import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of inviting someone. A new account (or one whose invitation is still pending) gets a one-time
 * {@code token}, shown once to the admin who passes the link on; it is not stored and cannot be shown again, only
 * re-issued. Someone who already has an account elsewhere is simply added: no token, they sign in as they do today.
 */
public record Invitation(long userId, String email, String displayName, Optional<String> token,
                         Optional<Instant> expiresAt) {

    public boolean addedExistingAccount() {
        return token.isEmpty();
    }

    @Override
    public String toString() {
        return "Invitation[" + email + (token.isPresent() ? ", link issued" : ", existing account") + "]";
    }
}
