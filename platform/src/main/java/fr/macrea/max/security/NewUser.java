package fr.macrea.max.security;

import fr.macrea.max.shared.Message;

/**
 * A user account created by M.A.X. itself (first start, demo data, tests); validated on construction (messages as
 * keys, rendered by the UI). People invited from the product set their own password under {@link PasswordPolicy}.
 */
public record NewUser(String email, String displayName, String password, boolean platformAdmin) {

    static final int MIN_PASSWORD_LENGTH = 8;
    /** The widths of {@code app_user.email} and {@code display_name}: refused here, not by the database. */
    public static final int EMAIL_MAX_LENGTH = 190;
    public static final int NAME_MAX_LENGTH = 120;

    public NewUser {
        email = UserFields.email(email);
        displayName = UserFields.displayName(displayName);
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidUserException(Message.of("security.user.password.too-short", MIN_PASSWORD_LENGTH));
        }
    }

    @Override
    public String toString() {
        return "NewUser[" + email + "]";
    }
}
