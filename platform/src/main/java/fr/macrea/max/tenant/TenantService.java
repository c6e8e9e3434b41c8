package fr.macrea.max.tenant;

import fr.macrea.max.shared.Message;

import fr.macrea.max.shared.TenantId;
import fr.macrea.max.shared.NoTenantException;
import fr.macrea.max.security.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tenants: creation with their own CRM schema, plans and add-ons. Creating and listing tenants is for platform
 * admins; anyone signed in to a tenant may read that tenant only.
 */
@Service
public class TenantService {

    private final TenantRepository tenants;
    private final CrmSchemaProvisioner provisioner;
    private final TenantContext context;
    private final TenancyProperties properties;
    private final ApplicationEventPublisher events;

    TenantService(TenantRepository tenants, CrmSchemaProvisioner provisioner, TenantContext context,
                  TenancyProperties properties, ApplicationEventPublisher events) {
        this.tenants = tenants;
        this.provisioner = provisioner;
        this.context = context;
        this.properties = properties;
        this.events = events;
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public Tenant create(NewTenant request) {
        if (tenants.slugExists(request.slug())) {
            throw new InvalidTenantException(Message.of("tenant.slug.taken", request.slug()));
        }
        String schema = properties.crmSchemaPrefix() + request.slug();
        TenantId id = tenants.insert(request, schema);
        // DDL commits implicitly on MySQL: the schema is created last, so a failure leaves no half-made tenant row
        provisioner.migrate(schema);
        Tenant tenant = tenants.find(id).orElseThrow();
        events.publishEvent(new TenantCreated(tenant));
        return tenant;
    }

    /** The tenant the signed-in user is working in. */
    public Tenant current() {
        return tenants.find(context.current()).orElseThrow(NoTenantException::new);
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<Tenant> list() {
        return tenants.findAll();
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public Optional<Tenant> find(TenantId id) {
        return tenants.find(id);
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public Optional<Tenant> findBySlug(String slug) {
        return tenants.findBySlug(slug);
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public Tenant changePlan(TenantId id, Plan plan, Set<AddOn> addOns) {
        tenants.updatePlan(id, plan, addOns);
        Tenant tenant = tenants.find(id).orElseThrow();
        events.publishEvent(new TenantPlanChanged(tenant));
        return tenant;
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public void changeCrmMode(TenantId id, CrmMode mode) {
        tenants.updateCrmMode(id, mode);
    }

    /**
     * A tenant admin switches their own tenant's CRM mode (connecting its EspoCRM from tenant settings): the tenant
     * is the principal's, so no platform role is borrowed for it.
     */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    @Transactional
    public void changeOwnCrmMode(CrmMode mode) {
        tenants.updateCrmMode(context.current(), mode);
    }

    /** Every tenant, for jobs and start-up work that then act through {@link TenantContext#callAs}. */
    public List<Tenant> allForSystemJobs() {
        return tenants.findAll();
    }

    /** Brings every tenant CRM schema to the latest migration (run at start-up). */
    public void migrateAllCrmSchemas() {
        tenants.findAll().forEach(t -> provisioner.migrate(t.crmSchema()));
    }
}
