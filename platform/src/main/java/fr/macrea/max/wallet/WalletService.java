package fr.macrea.max.wallet;

import fr.macrea.max.db.platform.tables.records.WalletRecord;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.TenantId;
import fr.macrea.max.tenant.TenantService;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * The current tenant's token wallet: monthly allowance (used first, no rollover) + pack tokens (roll over),
 * reservations that are committed or refunded exactly once, and an append-only ledger whose sum is the balance.
 * <p>
 * Concurrency: a reservation is one transaction that inserts the reservation and its ledger line, then runs ONE
 * conditional {@code UPDATE wallet SET spent = spent + n WHERE ... AND spent + n <= allowance + pack} on the hot
 * row, last, so the row lock is held for the shortest time and the database itself refuses an overdraft. Refunds
 * and expiries first move the reservation out of its status with a conditional update, so each happens at most
 * once whatever the number of callers (pipeline, sweepers on several nodes).
 */
@Service
public class WalletService {

    private static final Logger log = LoggerFactory.getLogger(WalletService.class);

    private final WalletRepository repository;
    private final TenantService tenants;
    private final TenantContext context;
    private final WalletProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final WalletWatch watch;
    private final ConcurrentHashMap<TenantId, GroupCommit<Pending, Reservation>> groups = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<TenantId, GroupCommit<Long, Boolean>> commitGroups = new ConcurrentHashMap<>();
    /** Written transactions and the reservations they carried (benchmark figures). */
    final java.util.concurrent.atomic.AtomicLong reserveTransactions = new java.util.concurrent.atomic.AtomicLong();
    final java.util.concurrent.atomic.AtomicLong reservationsWritten = new java.util.concurrent.atomic.AtomicLong();

    /** Average reservations per written transaction since start (group commit efficiency). */
    double reservationsPerTransaction() {
        return reservationsWritten.get() / (double) Math.max(1, reserveTransactions.get());
    }

    WalletService(WalletRepository repository, TenantService tenants, TenantContext context,
                  WalletProperties properties, ApplicationEventPublisher events, Clock clock,
                  PlatformTransactionManager transactions, WalletWatch watch) {
        this.watch = watch;
        this.repository = repository;
        this.tenants = tenants;
        this.context = context;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The current tenant's balance (starts the new period first if the month has changed). */
    public WalletBalance balance() {
        WalletRecord wallet = tx.execute(s -> ensureCurrentPeriod());
        return toBalance(wallet, tenants.current().plan());
    }

    public BigDecimal euroPerToken() {
        return Plans.euroPerToken(tenants.current().plan(), properties.packSize(), properties.packPriceEur());
    }

    /**
     * Holds {@code amount} tokens for one request. Idempotent on {@code requestKey}: a second call with the same key
     * returns the first reservation and charges nothing more.
     *
     * @throws InsufficientTokensException when the balance cannot cover it (nothing is charged)
     */
    public Reservation reserve(String requestKey, int amount, String reason) {
        if (amount <= 0) {
            throw new WalletException("Le montant à réserver doit être positif.");
        }
        if (requestKey == null || requestKey.isBlank() || requestKey.length() > 100) {
            throw new WalletException("Clé de requête invalide (1 à 100 caractères).");
        }
        GroupCommit<Pending, Reservation> group = groups.computeIfAbsent(context.current(),
                t -> new GroupCommit<>(WRITERS, MAX_BATCH));
        // group commit: whoever gets a writer slot writes every waiting reservation of the tenant in ONE
        // transaction, so the hot row is locked once per batch instead of once per request
        return group.submit(new Pending(requestKey, amount, reason), this::runBatch);
    }

    private static final int MAX_BATCH = 64;
    private static final int WRITERS = 4;

    private record Pending(String key, int amount, String reason) {
    }

    private void runBatch(List<GroupCommit.Item<Pending, Reservation>> items) {
        List<Pending> batch = items.stream().map(i -> i.input).toList();
        if (batch.size() > 1 && batch.stream().map(p -> p.key).distinct().count() == batch.size()) {
            try {
                List<Reservation> done = tx.execute(s -> reserveAllInTransaction(batch));
                if (done != null) {
                    reserveTransactions.incrementAndGet();
                    reservationsWritten.addAndGet(batch.size());
                    for (int i = 0; i < batch.size(); i++) {
                        items.get(i).complete(done.get(i));
                    }
                    notifyThresholds();
                    watch.changed(context.current());
                    return;
                }
            } catch (RuntimeException fallback) {
                // not enough tokens for the whole batch, a replayed key, or any failure: the batch was rolled back,
                // each request now gets its own transaction (and its own error) below
                if (!(fallback instanceof BatchNotCovered)) {
                    log.debug("batched reservation fell back to single ones: {}", fallback.toString());
                }
            }
        }
        // one by one: replays, a new month, a missing wallet, or a batch the balance cannot cover as a whole
        for (GroupCommit.Item<Pending, Reservation> item : items) {
            Pending p = item.input;
            try {
                reserveTransactions.incrementAndGet();
                reservationsWritten.incrementAndGet();
                item.complete(reserveOne(p.key, p.amount, p.reason));
            } catch (RuntimeException e) {
                item.fail(e);
            }
        }
        notifyThresholds();
        watch.changed(context.current());
    }

    /** All or nothing: null (rolled back) when the balance cannot cover the whole batch. */
    private List<Reservation> reserveAllInTransaction(List<Pending> batch) {
        Instant now = clock.instant();
        LocalDate period = currentPeriod();
        Instant expires = now.plus(properties.reservationTtl());
        List<String> keys = batch.stream().map(p -> p.key).toList();
        List<Integer> amounts = batch.stream().map(p -> p.amount).toList();
        List<Long> ids = repository.insertReservations(keys, amounts, period, now, expires);
        repository.ledgerReserves(ids, amounts, batch.stream().map(p -> p.reason).toList(), now);
        int total = amounts.stream().mapToInt(Integer::intValue).sum();
        // the hot row, touched last: one conditional update for the whole batch
        if (!repository.spend(period, total)) {
            throw new BatchNotCovered();
        }
        List<Reservation> reservations = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            reservations.add(new Reservation(ids.get(i), keys.get(i), amounts.get(i), ReservationStatus.HELD, expires));
        }
        return reservations;
    }

    /** Rolls a batch back so that its requests are tried one by one. */
    private static final class BatchNotCovered extends RuntimeException {
        BatchNotCovered() {
            super(null, null, false, false);
        }
    }

    private Reservation reserveOne(String requestKey, int amount, String reason) {
        try {
            return tx.execute(s -> reserveInTransaction(requestKey, amount, reason));
        } catch (DuplicateKeyException | IntegrityConstraintViolationException duplicate) {
            return repository.reservationByKey(requestKey).map(WalletRepository::toReservation)
                    .orElseThrow(() -> duplicate);
        }
    }

    private Reservation reserveInTransaction(String key, int amount, String reason) {
        Instant now = clock.instant();
        LocalDate period = currentPeriod();
        Instant expires = now.plus(properties.reservationTtl());
        long id = repository.insertReservation(key, amount, period, now, expires);
        repository.ledger("RESERVE", -amount, id, reason, now);
        if (!repository.spend(period, amount)) {
            // rare path: no wallet yet, a new month, or not enough tokens
            WalletRecord wallet = ensureCurrentPeriod();
            if (!repository.spend(period, amount)) {
                int available = wallet.getAllowanceTokens() + wallet.getPackTokens() - wallet.getSpent();
                throw new InsufficientTokensException(amount, Math.max(0, available));
            }
        }
        return new Reservation(id, key, amount, ReservationStatus.HELD, expires);
    }

    /** The action succeeded: the held tokens are spent for good. False if it was already settled (e.g. expired). */
    public boolean commit(long reservationId) {
        GroupCommit<Long, Boolean> group = commitGroups.computeIfAbsent(context.current(),
                t -> new GroupCommit<>(WRITERS, MAX_BATCH));
        boolean done = group.submit(reservationId, this::commitBatch);
        if (!done) {
            log.warn("reservation {} was not held any more when committing", reservationId);
        }
        return done;
    }

    /** Commits of one tenant written together: one statement for the batch, exact per-reservation answers. */
    private void commitBatch(List<GroupCommit.Item<Long, Boolean>> items) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (items.size() == 1) {
            items.getFirst().complete(repository.transition(items.getFirst().input, ReservationStatus.HELD,
                    ReservationStatus.COMMITTED, null, now));
            return;
        }
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
        items.forEach(i -> ids.add(i.input));
        String token = "commit " + java.util.UUID.randomUUID();
        int moved = repository.commitAll(ids, token, now);
        java.util.Set<Long> committed = moved == ids.size() ? ids : repository.committedBy(ids, token);
        java.util.Set<Long> answered = new java.util.HashSet<>();
        for (GroupCommit.Item<Long, Boolean> item : items) {
            // a reservation committed twice in one batch: only the first caller did it
            item.complete(committed.contains(item.input) && answered.add(item.input));
        }
    }

    /** The action failed: gives the held tokens back, exactly once. */
    public boolean refund(long reservationId, String reason) {
        return giveBack(reservationId, ReservationStatus.HELD, ReservationStatus.REFUNDED, reason);
    }

    /** Undo of a committed action: gives its tokens back, exactly once. */
    public boolean refundCommitted(long reservationId, String reason) {
        return giveBack(reservationId, ReservationStatus.COMMITTED, ReservationStatus.REFUNDED, reason);
    }

    /** Refunds the current tenant's reservations whose time is up (left by a crash or a killed action). */
    public int sweepExpired() {
        int refunded = 0;
        for (long id : repository.expiredReservations(clock.instant(), 500)) {
            if (giveBack(id, ReservationStatus.HELD, ReservationStatus.EXPIRED,
                    "Réservation expirée (action interrompue) : jetons remboursés")) {
                refunded++;
            }
        }
        return refunded;
    }

    private boolean giveBack(long id, ReservationStatus from, ReservationStatus to, String reason) {
        Boolean done = tx.execute(s -> {
            Instant now = clock.instant();
            if (!repository.transition(id, from, to, reason, now)) {
                return false;
            }
            var reservation = repository.reservation(id).orElseThrow();
            int amount = reservation.getAmount();
            // same period: the tokens go back where they came from (pack first, since it was used last);
            // after a new month started, they come back as pack tokens, which roll over: the customer never
            // loses tokens to our failures
            if (!repository.unspend(reservation.getPeriodStart(), amount)) {
                repository.addPack(amount);
            }
            repository.ledger("REFUND", amount, id, reason, now);
            return true;
        });
        if (Boolean.TRUE.equals(done)) {
            watch.changed(context.current());
            return true;
        }
        return false;
    }

    public List<LedgerEntry> ledger(int limit) {
        return repository.ledgerPage(Math.max(1, Math.min(limit, 1000)));
    }

    /** Balance, ledger sum and held tokens, to check that they agree (tests, health page). */
    public WalletAudit audit() {
        WalletRecord wallet = repository.find().orElse(null);
        int balance = wallet == null ? 0 : wallet.getAllowanceTokens() + wallet.getPackTokens() - wallet.getSpent();
        return new WalletAudit(balance, repository.ledgerSum(), repository.heldTokens());
    }

    /** Platform admin: adds {@code packs} packs of tokens to a tenant's wallet (no automatic top-up exists). */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public WalletBalance topUp(TenantId tenantId, int packs) {
        if (packs < 1 || packs > 20) {
            throw new WalletException("Le nombre de packs doit être compris entre 1 et 20.");
        }
        Tenant tenant = tenants.find(tenantId)
                .orElseThrow(() -> new WalletException("Tenant introuvable."));
        int tokens = packs * properties.packSize();
        return context.callAs(tenant, () -> {
            WalletRecord wallet = tx.execute(s -> {
                ensureCurrentPeriod();
                repository.addPack(tokens);
                repository.ledger("PACK", tokens, null, packs + " pack(s) ajouté(s) par MaCréa", clock.instant());
                return repository.find().orElseThrow();
            });
            watch.changed(tenant.id());
            events.publishEvent(new WalletEvent(tenant.id(), WalletEvent.TOPPED_UP,
                    tokens + " jetons ajoutés au portefeuille (pack)", clock.instant(), Map.of("tokens", tokens)));
            return toBalance(wallet, tenant.plan());
        });
    }

    /** Creates the current tenant's wallet with its plan's allowance (on tenant creation; idempotent). */
    void provision(Plan plan) {
        tx.executeWithoutResult(s -> {
            if (repository.insertIfAbsent(currentPeriod(), Plans.monthlyAllowance(plan))) {
                repository.ledger("GRANT", Plans.monthlyAllowance(plan), null,
                        "Allocation mensuelle du plan " + plan.label(), clock.instant());
            }
        });
    }

    /** An upgrade raises this period's allowance at once; a downgrade applies from the next period. */
    void planChanged(Plan plan) {
        tx.executeWithoutResult(s -> {
            WalletRecord wallet = ensureCurrentPeriod();
            int allowance = Plans.monthlyAllowance(plan);
            if (allowance > wallet.getAllowanceTokens()) {
                repository.setAllowance(allowance);
                repository.ledger("PLAN", allowance - wallet.getAllowanceTokens(), null,
                        "Passage au plan " + plan.label(), clock.instant());
            }
        });
        watch.changed(context.current());
    }

    /** Inside a transaction: the wallet row, created or moved to the current period under its row lock. */
    private WalletRecord ensureCurrentPeriod() {
        LocalDate period = currentPeriod();
        WalletRecord wallet = repository.find().orElse(null);
        if (wallet != null && wallet.getPeriodStart().equals(period)) {
            return wallet;
        }
        Plan plan = tenants.current().plan();
        if (wallet == null && repository.insertIfAbsent(period, Plans.monthlyAllowance(plan))) {
            repository.ledger("GRANT", Plans.monthlyAllowance(plan), null,
                    "Allocation mensuelle du plan " + plan.label(), clock.instant());
        }
        wallet = repository.lock().orElseThrow();
        if (wallet.getPeriodStart().isBefore(period)) {
            int allowanceLeft = Math.max(0, wallet.getAllowanceTokens() - wallet.getSpent());
            int packLeft = wallet.getPackTokens() - Math.max(0, wallet.getSpent() - wallet.getAllowanceTokens());
            Instant now = clock.instant();
            if (allowanceLeft > 0) {
                repository.ledger("EXPIRY", -allowanceLeft, null, "Fin de période : allocation non utilisée", now);
            }
            int allowance = Plans.monthlyAllowance(plan);
            repository.startPeriod(period, allowance, packLeft);
            repository.ledger("GRANT", allowance, null, "Allocation mensuelle du plan " + plan.label(), now);
            wallet = repository.find().orElseThrow();
        }
        return wallet;
    }

    /** After a reservation: the 80 % and 100 % allowance notifications, once per period each. */
    private void notifyThresholds() {
        WalletRecord wallet = repository.find().orElse(null);
        if (wallet == null || wallet.getAllowanceTokens() <= 0) {
            return;
        }
        long used = Math.min(wallet.getSpent(), wallet.getAllowanceTokens());
        boolean reached100 = used >= wallet.getAllowanceTokens();
        boolean reached80 = used * 100 >= 80L * wallet.getAllowanceTokens();
        TenantId tenant = context.current();
        if (reached80 && !wallet.getNotified_80() && repository.claimNotification(wallet.getPeriodStart(), false)) {
            events.publishEvent(new WalletEvent(tenant, WalletEvent.ALLOWANCE_80,
                    "80 % de l'allocation mensuelle de jetons est consommée", clock.instant(),
                    Map.of("allowance", wallet.getAllowanceTokens(), "spent", wallet.getSpent())));
        }
        if (reached100 && !wallet.getNotified_100() && repository.claimNotification(wallet.getPeriodStart(), true)) {
            events.publishEvent(new WalletEvent(tenant, WalletEvent.ALLOWANCE_100,
                    "L'allocation mensuelle de jetons est épuisée : les packs prennent le relais",
                    clock.instant(), Map.of("allowance", wallet.getAllowanceTokens(), "spent", wallet.getSpent())));
        }
    }

    private WalletBalance toBalance(WalletRecord w, Plan plan) {
        int allowanceLeft = Math.max(0, w.getAllowanceTokens() - w.getSpent());
        int packLeft = w.getPackTokens() - Math.max(0, w.getSpent() - w.getAllowanceTokens());
        return new WalletBalance(w.getPeriodStart(), w.getAllowanceTokens(), allowanceLeft, packLeft, w.getSpent(),
                Plans.euroPerToken(plan, properties.packSize(), properties.packPriceEur()));
    }

    private LocalDate currentPeriod() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1);
    }
}
