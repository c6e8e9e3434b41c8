package fr.macrea.max.shared;

import org.springframework.security.access.AccessDeniedException;

/** Raised when tenant-owned data is reached without a tenant in the authenticated principal. */
public class NoTenantException extends AccessDeniedException {

    public NoTenantException() {
        // for logs; views show the shared.no-tenant message (ui.base.Messages)
        super("No active tenant for this user");
    }
}
