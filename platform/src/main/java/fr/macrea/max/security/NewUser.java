package fr.macrea.max.security;

import fr.macrea.max.shared.Message;

import java.util.regex.Pattern;

/** A user account to create; validated on construction (messages as keys, rendered by the UI). */
public record NewUser(String email, String displayName, String password, boolean platformAdmin) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MIN_PASSWORD_LENGTH = 8;

    public NewUser {
        email = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidUserException(Message.of("security.user.email.invalid", email));
        }
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidUserException(Message.of("security.user.name.required"));
        }
        displayName = displayName.strip();
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidUserException(Message.of("security.user.password.too-short", MIN_PASSWORD_LENGTH));
        }
    }

    @Override
    public String toString() {
        return "NewUser[" + email + "]";
    }
}
