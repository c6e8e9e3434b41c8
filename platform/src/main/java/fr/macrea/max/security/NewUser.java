package fr.macrea.max.security;

import fr.macrea.max.shared.Message;

import java.util.regex.Pattern;

/** A user account to create; validated on construction (messages as keys, rendered by the UI). */
public record NewUser(String email, String displayName, String password, boolean platformAdmin) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MIN_PASSWORD_LENGTH = 8;
    /** The widths of {@code app_user.email} and {@code display_name}: refused here, not by the database. */
    public static final int EMAIL_MAX_LENGTH = 190;
    public static final int NAME_MAX_LENGTH = 120;

    public NewUser {
        email = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        if (email.length() > EMAIL_MAX_LENGTH) {
            throw new InvalidUserException(Message.of("security.user.email.too-long", EMAIL_MAX_LENGTH));
        }
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidUserException(Message.of("security.user.email.invalid", email));
        }
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidUserException(Message.of("security.user.name.required"));
        }
        displayName = displayName.strip();
        if (displayName.length() > NAME_MAX_LENGTH) {
            throw new InvalidUserException(Message.of("security.user.name.too-long", NAME_MAX_LENGTH));
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidUserException(Message.of("security.user.password.too-short", MIN_PASSWORD_LENGTH));
        }
    }

    @Override
    public String toString() {
        return "NewUser[" + email + "]";
    }
}
