package fr.macrea.max.security;

/** Where a member of a tenant stands: signing in, not yet (invitation pending), or no longer (deactivated). */
public enum MemberStatus {
    ACTIVE,
    INVITED,
    DEACTIVATED
}
