package fr.macrea.max.crm;

import fr.macrea.max.shared.TenantId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.Optional;

import static fr.macrea.max.db.platform.Tables.CRM_CONNECTION;

/**
 * The one cross-tenant read of the CRM connections: which tenant registered a webhook URL key. A webhook arrives
 * before any tenant is known, so this query cannot go through TenantScope; it reads one column by a 128-bit random
 * key and nothing else, and is on the architecture test's DSLContext allow-list for that reason only.
 */
@Repository
class WebhookTenants {

    private final DSLContext dsl;

    WebhookTenants(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The tenant that registered this webhook URL key, if any. */
    Optional<TenantId> tenantOfHook(String hookKey) {
        if (hookKey == null || !hookKey.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        return dsl.select(CRM_CONNECTION.TENANT_ID).from(CRM_CONNECTION).where(CRM_CONNECTION.HOOK_KEY.eq(hookKey))
                .fetchOptional(CRM_CONNECTION.TENANT_ID).map(TenantId::new);
    }
}
