package fr.macrea.max.security;

import java.util.regex.Pattern;

/** A user account to create; validated on construction with French messages. */
public record NewUser(String email, String displayName, String password, boolean platformAdmin) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MIN_PASSWORD_LENGTH = 8;

    public NewUser {
        email = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidUserException("Adresse e-mail invalide : « " + email + " ».");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidUserException("Le nom affiché est obligatoire.");
        }
        displayName = displayName.strip();
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidUserException("Le mot de passe doit contenir au moins " + MIN_PASSWORD_LENGTH + " caractères.");
        }
    }

    @Override
    public String toString() {
        return "NewUser[" + email + "]";
    }
}
