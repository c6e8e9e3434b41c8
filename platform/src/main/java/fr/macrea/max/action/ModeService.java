package fr.macrea.max.action;

import fr.macrea.max.shared.Message;

import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.Role;
import fr.macrea.max.shared.NoTenantException;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.wallet.Entitlements;
import fr.macrea.max.wallet.Right;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The signed-in user's mode in the current tenant, remembered across sessions (Conseil until chosen). */
@Service
public class ModeService {

    private final ModeRepository repository;
    private final TenantContext context;
    private final Entitlements entitlements;

    ModeService(ModeRepository repository, TenantContext context, Entitlements entitlements) {
        this.repository = repository;
        this.context = context;
        this.entitlements = entitlements;
    }

    @PreAuthorize("hasRole('TENANT_USER')")
    public Mode current() {
        return repository.find(userId()).orElse(Mode.CONSEIL);
    }

    /** Whether the current user may choose this mode, and if not why, for the selector. */
    @PreAuthorize("hasRole('TENANT_USER')")
    public Message refusal(Mode mode) {
        if (mode != Mode.AUTO) {
            return null;
        }
        if (!entitlements.has(Right.AUTO_MODE)) {
            return Message.of("action.mode.auto.plan");
        }
        if (!isTenantAdmin(context.principal().orElseThrow(NoTenantException::new))) {
            return Message.of("action.mode.auto.not-admin");
        }
        return null;
    }

    @PreAuthorize("hasRole('TENANT_USER')")
    public Mode set(Mode mode) {
        Message refusal = refusal(mode);
        if (refusal != null) {
            throw new ActionRefusedException(refusal);
        }
        repository.save(userId(), mode);
        return mode;
    }

    static boolean isTenantAdmin(MaxPrincipal principal) {
        return principal.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Role.ADMIN));
    }

    private long userId() {
        return context.principal().orElseThrow(NoTenantException::new).userId();
    }
}
