package fr.macrea.max.brain;

import fr.macrea.max.plugins.api.Label;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.TenantId;
import fr.macrea.max.tenant.TenantService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which brains each tenant uses. Platform admins activate and deactivate brains for a tenant (server-side
 * entitlement check: a Standard tenant without "Fiche métier" gets the universal brain only); anyone signed in to a
 * tenant reads that tenant's active brains through {@link BrainCatalog}.
 */
@Service
public class BrainActivationService {

    private final BrainActivationRepository activations;
    private final BrainManager brains;
    private final TenantService tenants;
    private final TenantContext context;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    BrainActivationService(BrainActivationRepository activations, BrainManager brains, TenantService tenants,
                           TenantContext context, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.activations = activations;
        this.brains = brains;
        this.tenants = tenants;
        this.context = context;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public void activate(TenantId tenantId, String brainId) {
        Tenant tenant = tenant(tenantId);
        if (!brains.isAvailable(brainId)) {
            throw new BrainActivationException(Message.of("brain.activation.not-available", brainId));
        }
        BrainEntitlements.refusal(tenant, brainId).ifPresent(reason -> {
            throw new BrainActivationException(reason);
        });
        String by = context.principal().map(p -> p.email()).orElse("system");
        boolean inserted = context.callAs(tenant, () -> {
            if (activations.exists(brainId)) {
                return false;
            }
            activations.insert(brainId, clock.instant(), by);
            return true;
        });
        if (inserted) {
            events.publishEvent(new BrainActivationChanged(tenantId, brainId, nameOf(brainId), true, clock.instant()));
        }
    }

    /** Hides the brain's contributions from the tenant at once. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public void deactivate(TenantId tenantId, String brainId) {
        Tenant tenant = tenant(tenantId);
        int deleted = context.callAs(tenant, () -> activations.delete(brainId));
        if (deleted > 0) {
            events.publishEvent(new BrainActivationChanged(tenantId, brainId, nameOf(brainId), false, clock.instant()));
        }
    }

    /** Every brain known to the platform or chosen by the tenant, with its state for that tenant. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<TenantBrain> brainsOf(TenantId tenantId) {
        Tenant tenant = tenant(tenantId);
        Set<String> chosen = new TreeSet<>(context.callAs(tenant, activations::brainIds));
        Set<String> ids = new TreeSet<>(chosen);
        brains.statuses().stream().filter(s -> s.state() != BrainState.REFUSED).forEach(s -> ids.add(s.id()));
        return ids.stream().map(id -> {
            var loaded = brains.find(id);
            return new TenantBrain(id, loaded.map(b -> b.contributions().name().fr()).orElse(id),
                    loaded.map(LoadedBrain::version).orElse(""), chosen.contains(id),
                    BrainEntitlements.allows(tenant, id), brains.isAvailable(id));
        }).toList();
    }

    /** For the brains console: which tenants activated each brain (by brain id, tenants by name). */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public Map<String, List<Tenant>> usage() {
        Map<String, List<Tenant>> usage = new LinkedHashMap<>();
        for (Tenant tenant : tenants.list()) {
            for (String id : context.callAs(tenant, activations::brainIds)) {
                usage.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(tenant);
            }
        }
        usage.values().forEach(list -> list.sort(Comparator.comparing(Tenant::name)));
        return usage;
    }

    /** What a tenant admin of that tenant would see: the console's view of a tenant's active brains. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<LoadedBrain> activeFor(TenantId tenantId) {
        Tenant tenant = tenant(tenantId);
        return active(tenant, context.callAs(tenant, activations::brainIds));
    }

    /** The current tenant's brains whose contributions it sees now: activated, entitled, loaded and enabled. */
    public List<LoadedBrain> activeForCurrentTenant() {
        return active(tenants.current(), activations.brainIds());
    }

    private List<LoadedBrain> active(Tenant tenant, List<String> chosen) {
        return chosen.stream()
                .filter(id -> BrainEntitlements.allows(tenant, id))
                .flatMap(id -> brains.find(id).filter(b -> brains.isAvailable(b.id())).stream())
                .toList();
    }

    private Label nameOf(String brainId) {
        return brains.find(brainId).map(b -> b.contributions().name()).orElse(Label.of(brainId, brainId));
    }

    private Tenant tenant(TenantId id) {
        return tenants.find(id).orElseThrow(() -> new BrainActivationException(Message.of("brain.activation.unknown-tenant")));
    }
}
