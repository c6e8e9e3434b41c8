package fr.macrea.max.tenant;

public enum TenantStatus {
    ACTIVE,
    SUSPENDED
}
