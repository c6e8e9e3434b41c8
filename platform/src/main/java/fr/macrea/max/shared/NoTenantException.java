package fr.macrea.max.shared;

import org.springframework.security.access.AccessDeniedException;

/** Raised when tenant-owned data is reached without a tenant in the authenticated principal. */
public class NoTenantException extends AccessDeniedException {

    public NoTenantException() {
        super("Aucun tenant actif pour cet utilisateur.");
    }
}
