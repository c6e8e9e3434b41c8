package fr.macrea.max.security;

/** What the invitation page shows its visitor before they choose a password. */
public record PendingInvitation(String email, String displayName, String tenantName) {
}
