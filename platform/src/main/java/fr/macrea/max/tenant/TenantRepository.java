package fr.macrea.max.tenant;

import fr.macrea.max.shared.TenantId;

import fr.macrea.max.db.platform.tables.records.TenantRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static fr.macrea.max.db.platform.Tables.TENANT;
import static fr.macrea.max.db.platform.Tables.TENANT_ADD_ON;

/** The tenant table is the root of tenancy, not tenant-owned itself: it is reached by id, never by a scope. */
@Repository
class TenantRepository {

    private final DSLContext dsl;

    TenantRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    TenantId insert(NewTenant tenant, String crmSchema) {
        Long id = dsl.insertInto(TENANT)
                .set(TENANT.SLUG, tenant.slug())
                .set(TENANT.NAME, tenant.name())
                .set(TENANT.PLAN, tenant.plan().name())
                .set(TENANT.STATUS, TenantStatus.ACTIVE.name())
                .set(TENANT.CRM_MODE, CrmMode.EMBEDDED.name())
                .set(TENANT.CRM_SCHEMA, crmSchema)
                .returning(TENANT.ID)
                .fetchOne(TENANT.ID);
        TenantId tenantId = new TenantId(id);
        replaceAddOns(tenantId, tenant.addOns());
        return tenantId;
    }

    boolean slugExists(String slug) {
        return dsl.fetchExists(TENANT, TENANT.SLUG.eq(slug));
    }

    Optional<Tenant> find(TenantId id) {
        return dsl.selectFrom(TENANT).where(TENANT.ID.eq(id.value())).fetchOptional().map(r -> toTenant(r, addOnsOf(id)));
    }

    Optional<Tenant> findBySlug(String slug) {
        return dsl.selectFrom(TENANT).where(TENANT.SLUG.eq(slug)).fetchOptional()
                .map(r -> toTenant(r, addOnsOf(new TenantId(r.getId()))));
    }

    List<Tenant> findAll() {
        Map<Long, Set<AddOn>> addOns = dsl.selectFrom(TENANT_ADD_ON).fetch().stream()
                .collect(Collectors.groupingBy(r -> r.getTenantId(),
                        Collectors.mapping(r -> AddOn.valueOf(r.getAddOn()), Collectors.toCollection(() -> EnumSet.noneOf(AddOn.class)))));
        return dsl.selectFrom(TENANT).orderBy(TENANT.NAME).fetch().stream()
                .map(r -> toTenant(r, addOns.getOrDefault(r.getId(), Set.of())))
                .toList();
    }

    void updatePlan(TenantId id, Plan plan, Set<AddOn> addOns) {
        dsl.update(TENANT).set(TENANT.PLAN, plan.name()).where(TENANT.ID.eq(id.value())).execute();
        replaceAddOns(id, addOns);
    }

    void updateCrmMode(TenantId id, CrmMode mode) {
        dsl.update(TENANT).set(TENANT.CRM_MODE, mode.name()).where(TENANT.ID.eq(id.value())).execute();
    }

    private void replaceAddOns(TenantId id, Set<AddOn> addOns) {
        dsl.deleteFrom(TENANT_ADD_ON).where(TENANT_ADD_ON.TENANT_ID.eq(id.value())).execute();
        for (AddOn addOn : addOns) {
            dsl.insertInto(TENANT_ADD_ON).set(TENANT_ADD_ON.TENANT_ID, id.value()).set(TENANT_ADD_ON.ADD_ON, addOn.name()).execute();
        }
    }

    private Set<AddOn> addOnsOf(TenantId id) {
        return dsl.select(TENANT_ADD_ON.ADD_ON).from(TENANT_ADD_ON).where(TENANT_ADD_ON.TENANT_ID.eq(id.value()))
                .fetch(r -> AddOn.valueOf(r.value1())).stream()
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(AddOn.class)));
    }

    private static Tenant toTenant(TenantRecord r, Set<AddOn> addOns) {
        return new Tenant(new TenantId(r.getId()), r.getSlug(), r.getName(), Plan.valueOf(r.getPlan()), addOns,
                TenantStatus.valueOf(r.getStatus()), CrmMode.valueOf(r.getCrmMode()), r.getCrmSchema());
    }
}
