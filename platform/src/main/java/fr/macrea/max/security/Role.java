package fr.macrea.max.security;

/** A user's role inside one tenant. Platform admin is a separate, tenant-less flag. */
public enum Role {
    TENANT_USER,
    TENANT_ADMIN;

    /** Spring Security authority names used by {@code @PreAuthorize} and Vaadin's {@code @RolesAllowed}. */
    public static final String USER = "TENANT_USER";
    public static final String ADMIN = "TENANT_ADMIN";
    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";
}
