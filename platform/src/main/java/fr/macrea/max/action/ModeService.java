package fr.macrea.max.action;

import fr.macrea.max.shared.Message;

import fr.macrea.max.persistence.TenantScope;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.Role;
import fr.macrea.max.shared.NoTenantException;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.wallet.Entitlements;
import fr.macrea.max.wallet.Right;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import static fr.macrea.max.db.platform.Tables.USER_MODE;

/** The signed-in user's mode in the current tenant, remembered across sessions (Conseil until chosen). */
@Service
public class ModeService {

    private final TenantScope scope;
    private final TenantContext context;
    private final Entitlements entitlements;

    ModeService(TenantScope scope, TenantContext context, Entitlements entitlements) {
        this.scope = scope;
        this.context = context;
        this.entitlements = entitlements;
    }

    @PreAuthorize("hasRole('TENANT_USER')")
    public Mode current() {
        return scope.selectFrom(USER_MODE).and(USER_MODE.USER_ID.eq(userId()))
                .fetchOptional(USER_MODE.MODE).map(Mode::valueOf).orElse(Mode.CONSEIL);
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
        // update, else insert: jOOQ's MySQL upsert syntax ("AS excluded") is not MariaDB's
        if (updateMode(mode) == 0 && scope.insertInto(USER_MODE)
                .set(USER_MODE.USER_ID, userId())
                .set(USER_MODE.MODE, mode.name())
                .onDuplicateKeyIgnore()
                .execute() == 0) {
            updateMode(mode);
        }
        return mode;
    }

    private int updateMode(Mode mode) {
        return scope.update(USER_MODE).set(USER_MODE.MODE, mode.name())
                .where(USER_MODE.USER_ID.eq(userId()))
                .execute();
    }

    static boolean isTenantAdmin(MaxPrincipal principal) {
        return principal.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Role.ADMIN));
    }

    private long userId() {
        return context.principal().orElseThrow(NoTenantException::new).userId();
    }
}
