package fr.macrea.max.security;

/**
 * A person an admin invites into a tenant: their e-mail and the name shown to their colleagues. Validated on
 * construction, so a form is checked before anything is created (the console checks the first admin before it
 * creates the tenant).
 */
public record Invitee(String email, String displayName) {

    public Invitee {
        email = UserFields.email(email);
        displayName = UserFields.displayName(displayName);
    }
}
