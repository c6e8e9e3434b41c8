package fr.macrea.max.security;

import fr.macrea.max.shared.Message;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The checks of a person's e-mail and display name, shared by the accounts M.A.X. creates ({@link NewUser}) and the
 * people an admin invites ({@link Invitee}): one rule, one message per mistake, the limits of the columns.
 */
final class UserFields {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private UserFields() {
    }

    /** The e-mail as stored: trimmed, lower-case (sign-in is case-insensitive). */
    static String email(String email) {
        String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (normalised.isEmpty()) {
            throw new InvalidUserException(Message.of("security.user.email.required"));
        }
        if (normalised.length() > NewUser.EMAIL_MAX_LENGTH) {
            throw new InvalidUserException(Message.of("security.user.email.too-long", NewUser.EMAIL_MAX_LENGTH));
        }
        if (!EMAIL.matcher(normalised).matches()) {
            throw new InvalidUserException(Message.of("security.user.email.invalid", normalised));
        }
        return normalised;
    }

    static String displayName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidUserException(Message.of("security.user.name.required"));
        }
        String stripped = displayName.strip();
        if (stripped.length() > NewUser.NAME_MAX_LENGTH) {
            throw new InvalidUserException(Message.of("security.user.name.too-long", NewUser.NAME_MAX_LENGTH));
        }
        return stripped;
    }
}
