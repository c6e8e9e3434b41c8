package fr.macrea.max.security;

import fr.macrea.max.shared.Message;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The password a person chooses for themselves (invitation link). Length is what protects a password; we also
 * refuse the obvious (a single repeated character, the e-mail inside it) and what bcrypt would silently cut: it
 * only reads the first 72 bytes, so a longer password would not mean what its owner thinks.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    public static void check(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new InvalidUserException(Message.of("security.password.too-short", MIN_LENGTH));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidUserException(Message.of("security.password.too-long", MAX_BYTES));
        }
        if (password.codePoints().distinct().count() < 4) {
            throw new InvalidUserException(Message.of("security.password.too-simple"));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String local = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@", 2)[0];
        if (local.length() >= 3 && lower.contains(local)) {
            throw new InvalidUserException(Message.of("security.password.contains-email"));
        }
    }
}
