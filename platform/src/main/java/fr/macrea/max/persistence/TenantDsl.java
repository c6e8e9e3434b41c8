package fr.macrea.max.persistence;

import fr.macrea.max.shared.SqlIdentifiers;

import fr.macrea.max.shared.NoTenantException;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.TenantId;
import org.jooq.DSLContext;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.Settings;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static fr.macrea.max.db.platform.Tables.TENANT;

/**
 * A {@link DSLContext} that renders the generated CRM tables (schema {@code PUBLIC}) into the current tenant's own
 * schema {@code crm_<slug>}. One derived configuration is cached per tenant; the tenant comes from the principal.
 */
@Component
public class TenantDsl {

    static final String GENERATED_CRM_SCHEMA = "PUBLIC";

    private final DSLContext dsl;
    private final TenantContext tenants;
    private final Map<TenantId, DSLContext> byTenant = new ConcurrentHashMap<>();

    public TenantDsl(DSLContext dsl, TenantContext tenants) {
        this.dsl = dsl;
        this.tenants = tenants;
    }

    /** The CRM schema of the tenant in the current principal. */
    public DSLContext crm() {
        return byTenant.computeIfAbsent(tenants.current(), this::derive);
    }

    /** The schema name behind {@link #crm()}, for logs and status pages. */
    public String crmSchemaName() {
        return schemaOf(tenants.current());
    }

    /** Drops the cached configuration (tenant deleted, or tests that recreate schemas). */
    public void forget(TenantId tenant) {
        byTenant.remove(tenant);
    }

    private DSLContext derive(TenantId tenant) {
        Settings settings = ((Settings) dsl.settings().clone())
                .withRenderMapping(new RenderMapping().withSchemata(new MappedSchema()
                        .withInput(GENERATED_CRM_SCHEMA)
                        .withOutput(schemaOf(tenant))));
        return dsl.configuration().derive(settings).dsl();
    }

    private String schemaOf(TenantId tenant) {
        String schema = dsl.select(TENANT.CRM_SCHEMA).from(TENANT).where(TENANT.ID.eq(tenant.value())).fetchOne(TENANT.CRM_SCHEMA);
        if (schema == null) {
            throw new NoTenantException();
        }
        return SqlIdentifiers.requireSchemaName(schema);
    }
}
