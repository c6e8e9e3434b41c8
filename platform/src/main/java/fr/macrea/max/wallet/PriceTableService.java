package fr.macrea.max.wallet;

import fr.macrea.max.shared.Message;

import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.TenantId;
import fr.macrea.max.tenant.TenantService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Each tenant's own price table (tokens per action), seeded from {@link DefaultPrices} when the tenant is created
 * and editable by a platform admin only. Quotes of the action pipeline come from here.
 */
@Service
public class PriceTableService {

    private final PriceRepository repository;
    private final TenantService tenants;
    private final TenantContext context;

    PriceTableService(PriceRepository repository, TenantService tenants, TenantContext context) {
        this.repository = repository;
        this.tenants = tenants;
        this.context = context;
    }

    /** Tokens the current tenant pays for an action; an action missing from its table costs its default. */
    public int price(String actionId) {
        Integer tokens = repository.tokens(actionId).orElse(null);
        if (tokens != null) {
            return tokens;
        }
        Integer fallback = DefaultPrices.tokens().get(actionId);
        if (fallback == null) {
            throw new WalletException(Message.of("wallet.price.undefined", actionId));
        }
        return fallback;
    }

    /** The current tenant's table (read by its members, e.g. in Budget IA). */
    public List<PriceEntry> table() {
        Map<String, Integer> own = repository.all();
        List<PriceEntry> entries = new ArrayList<>();
        for (var e : DefaultPrices.entries()) {
            entries.add(new PriceEntry(e.getKey(), DefaultPrices.label(e.getKey()), own.getOrDefault(e.getKey(), e.getValue())));
        }
        own.forEach((id, tokens) -> {
            if (!DefaultPrices.tokens().containsKey(id)) {
                entries.add(new PriceEntry(id, DefaultPrices.label(id), tokens));
            }
        });
        return entries;
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<PriceEntry> tableOf(TenantId tenantId) {
        return context.callAs(tenant(tenantId), this::table);
    }

    /** Platform admin: sets the price of one action for one tenant. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public PriceEntry setPrice(TenantId tenantId, String actionId, int tokens) {
        if (tokens < 0 || tokens > 100_000) {
            throw new WalletException(Message.of("wallet.price.range", 0, 100_000));
        }
        if (actionId == null || !actionId.matches("[a-z0-9][a-z0-9.\\-]{0,59}")) {
            throw new WalletException(Message.of("wallet.price.action-id"));
        }
        return context.callAs(tenant(tenantId), () -> {
            repository.set(actionId, tokens);
            return new PriceEntry(actionId, DefaultPrices.label(actionId), tokens);
        });
    }

    /** Copies the default table into the current tenant's (on creation; keeps prices already set). */
    void seedDefaults() {
        for (var e : DefaultPrices.entries()) {
            repository.insertIfAbsent(e.getKey(), e.getValue());
        }
    }

    private Tenant tenant(TenantId id) {
        return tenants.find(id).orElseThrow(() -> new WalletException(Message.of("wallet.tenant.not-found")));
    }
}
