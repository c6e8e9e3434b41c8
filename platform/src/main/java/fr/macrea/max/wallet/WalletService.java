package fr.macrea.max.wallet;

import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.TenantId;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The current tenant's token wallet as users and admins see it: monthly allowance (used first, no rollover) + pack
 * tokens (roll over), the balance, the append-only ledger whose sum is the balance, and top-ups. Spending is not
 * here: tokens are reserved, committed and refunded by the action pipeline only ({@link ActionCharges}).
 */
@Service
public class WalletService {

    /** The largest top-up one request may ask for. */
    public static final int MAX_PACKS = 20;

    private final WalletRepository repository;
    private final WalletPeriods periods;
    private final WalletReservations reservations;
    private final WalletWatch watch;
    private final TenantService tenants;
    private final TenantContext context;
    private final WalletProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;

    WalletService(WalletRepository repository, WalletPeriods periods, WalletReservations reservations,
                  WalletWatch watch, TenantService tenants, TenantContext context, WalletProperties properties,
                  ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.periods = periods;
        this.reservations = reservations;
        this.watch = watch;
        this.tenants = tenants;
        this.context = context;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The current tenant's balance (starts the new period first if the month has changed). */
    public WalletBalance balance() {
        WalletRow wallet = tx.execute(s -> periods.ensureCurrentPeriod());
        return periods.toBalance(wallet, tenants.current().plan());
    }

    public BigDecimal euroPerToken() {
        return Plans.euroPerToken(tenants.current().plan(), properties.packSize(), properties.packPriceEur());
    }

    /** Refunds the current tenant's reservations whose time is up (left by a crash or a killed action). */
    public int sweepExpired() {
        return reservations.sweepExpired();
    }

    public List<LedgerEntry> ledger(int limit) {
        return repository.ledgerPage(Math.max(1, Math.min(limit, 1000)));
    }

    /** Balance, ledger sum and held tokens, to check that they agree (tests, health page). */
    public WalletAudit audit() {
        WalletRow wallet = repository.find().orElse(null);
        int balance = wallet == null ? 0 : wallet.available();
        return new WalletAudit(balance, repository.ledgerSum(), repository.heldTokens());
    }

    /**
     * Platform admin: adds {@code packs} packs of tokens to a tenant's wallet (no automatic top-up exists), once per
     * {@code requestKey}: one intent of the admin (one confirmed dialog) is one key, so a double click, a retried
     * request or two nodes receiving the same request credit the packs exactly once; a replay returns the balance.
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public WalletBalance topUp(TenantId tenantId, int packs, String requestKey) {
        if (packs < 1 || packs > MAX_PACKS) {
            throw new WalletException(Message.of("wallet.top-up.packs", 1, MAX_PACKS));
        }
        if (requestKey == null || requestKey.isBlank() || requestKey.length() > 100) {
            throw new IllegalArgumentException("a top-up needs a request key of 1 to 100 characters");
        }
        Tenant tenant = tenants.find(tenantId)
                .orElseThrow(() -> new WalletException(Message.of("wallet.tenant.not-found")));
        int tokens = packs * properties.packSize();
        return context.callAs(tenant, () -> {
            TopUp done = tx.execute(s -> {
                periods.ensureCurrentPeriod();
                boolean first = repository.claimTopUp(requestKey, packs, clock.instant());
                if (first) {
                    repository.addPack(tokens);
                    repository.ledger("PACK", tokens, null,
                            WalletLedger.reason(Message.of("wallet.ledger.pack", packs)), clock.instant());
                }
                return new TopUp(first, repository.find().orElseThrow());
            });
            if (done.credited()) {
                watch.changed(tenant.id());
                events.publishEvent(WalletEvent.of(tenant.id(), WalletEvent.TOPPED_UP,
                        Message.of("wallet.event.topped-up", tokens), clock.instant(), Map.of("tokens", tokens)));
            }
            return periods.toBalance(done.wallet(), tenant.plan());
        });
    }

    /** Tokens per pack, for the confirmation shown before a top-up. */
    public int packSize() {
        return properties.packSize();
    }

    /** What {@code packs} packs cost a tenant, in euros (the price a top-up dialog confirms). */
    public BigDecimal packPriceEur(int packs) {
        return properties.packPriceEur().multiply(BigDecimal.valueOf(packs));
    }

    private record TopUp(boolean credited, WalletRow wallet) {
    }

    /** Creates the current tenant's wallet with its plan's allowance (on tenant creation; idempotent). */
    void provision(Plan plan) {
        tx.executeWithoutResult(s -> periods.grantIfAbsent(plan));
    }

    /** An upgrade raises this period's allowance at once; a downgrade applies from the next period. */
    void planChanged(Plan plan) {
        tx.executeWithoutResult(s -> {
            WalletRow wallet = periods.ensureCurrentPeriod();
            int allowance = Plans.monthlyAllowance(plan);
            if (allowance > wallet.allowanceTokens()) {
                repository.setAllowance(allowance);
                repository.ledger("PLAN", allowance - wallet.allowanceTokens(), null,
                        WalletLedger.reason(Message.of("wallet.ledger.plan", plan.label())), clock.instant());
            }
        });
        watch.changed(context.current());
    }
}
