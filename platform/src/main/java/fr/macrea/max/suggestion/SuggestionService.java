package fr.macrea.max.suggestion;

import fr.macrea.max.event.TenantEvent;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The suggestions of the current tenant: standard ones plus the active brains' routines, cached per tenant and
 * recomputed after a CRM change ({@code crm.*} events) of that tenant. Listeners (open UIs) hear of the change.
 */
@Service
public class SuggestionService {

    private static final Logger LOG = LoggerFactory.getLogger(SuggestionService.class);

    private final List<SuggestionSource> sources;
    private final TenantContext tenants;
    private final Map<TenantId, List<Suggestion>> cache = new ConcurrentHashMap<>();
    private final Map<TenantId, List<Consumer<TenantEvent>>> listeners = new ConcurrentHashMap<>();

    SuggestionService(List<SuggestionSource> sources, TenantContext tenants) {
        this.sources = List.copyOf(sources);
        this.tenants = tenants;
    }

    @PreAuthorize("hasRole('TENANT_USER')")
    public List<Suggestion> current() {
        return cache.computeIfAbsent(tenants.current(), t -> compute());
    }

    private List<Suggestion> compute() {
        List<Suggestion> out = new ArrayList<>();
        for (SuggestionSource source : sources) {
            try {
                out.addAll(source.suggestions());
            } catch (RuntimeException e) {
                // one failing source (e.g. a brain routine) must not hide the others
                LOG.warn("Suggestion source {} failed: {}", source.getClass().getSimpleName(), e.toString());
            }
        }
        return List.copyOf(out);
    }

    /**
     * Calls {@code onChange} (on the publishing thread) after each CRM change of the tenant; close the returned
     * handle when the listener goes away (detached UI).
     */
    public AutoCloseable onChange(TenantId tenant, Consumer<TenantEvent> onChange) {
        List<Consumer<TenantEvent>> list = listeners.computeIfAbsent(tenant, t -> new CopyOnWriteArrayList<>());
        list.add(onChange);
        return () -> list.remove(onChange);
    }

    @TransactionalEventListener(fallbackExecution = true)
    @org.springframework.core.annotation.Order(100) // after the dashboard snapshots are dropped
    void on(TenantEvent event) {
        if (event.type() == null || !event.type().startsWith("crm.")) {
            return;
        }
        cache.remove(event.tenant());
        for (Consumer<TenantEvent> listener : listeners.getOrDefault(event.tenant(), List.of())) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.debug("Suggestion listener failed: {}", e.toString());
            }
        }
    }
}
