package fr.macrea.max.wallet;

import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reservations of the current tenant's tokens, committed or refunded exactly once ({@link ActionCharges}, for the
 * action pipeline only).
 * <p>
 * Concurrency: a reservation is one transaction that inserts the reservation and its ledger line, then runs ONE
 * conditional {@code UPDATE wallet SET spent = spent + n WHERE ... AND spent + n <= allowance + pack} on the hot
 * row, last, so the row lock is held for the shortest time and the database itself refuses an overdraft. Concurrent
 * reservations and commits of one tenant are group-committed (ADR 0006). Refunds and expiries first move the
 * reservation out of its status with a conditional update, so each happens at most once whatever the number of
 * callers (pipeline, sweepers on several nodes).
 */
@Component
class WalletReservations implements ActionCharges {

    private static final Logger log = LoggerFactory.getLogger(WalletReservations.class);
    private static final int MAX_BATCH = 64;

    private final WalletRepository repository;
    private final WalletPeriods periods;
    private final WalletThresholds thresholds;
    private final WalletWatch watch;
    private final TenantContext context;
    private final WalletProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ConcurrentHashMap<TenantId, GroupCommit<Pending, Reservation>> groups = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<TenantId, GroupCommit<Long, Boolean>> commitGroups = new ConcurrentHashMap<>();
    /** Written transactions and the reservations they carried (benchmark figures). */
    final AtomicLong reserveTransactions = new AtomicLong();
    final AtomicLong reservationsWritten = new AtomicLong();

    WalletReservations(WalletRepository repository, WalletPeriods periods, WalletThresholds thresholds,
                       WalletWatch watch, TenantContext context, WalletProperties properties, Clock clock,
                       PlatformTransactionManager transactions) {
        this.repository = repository;
        this.periods = periods;
        this.thresholds = thresholds;
        this.watch = watch;
        this.context = context;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Average reservations per written transaction since start (group commit efficiency). */
    double reservationsPerTransaction() {
        return reservationsWritten.get() / (double) Math.max(1, reserveTransactions.get());
    }

    /** For tests and benchmarks: a reservation whose ledger line is plain text. */
    Reservation reserve(String requestKey, int amount, String reason) {
        return reserve(requestKey, amount, Message.of(WalletLedger.TEXT, reason));
    }

    boolean refund(long reservationId, String reason) {
        return refund(reservationId, Message.of(WalletLedger.TEXT, reason));
    }

    @Override
    public Reservation reserve(String requestKey, int amount, Message reason) {
        if (amount <= 0) {
            throw new WalletException(Message.of("wallet.reserve.amount"));
        }
        if (requestKey == null || requestKey.isBlank() || requestKey.length() > 100) {
            throw new WalletException(Message.of("wallet.reserve.key"));
        }
        GroupCommit<Pending, Reservation> group = groups.computeIfAbsent(context.current(),
                t -> new GroupCommit<>(properties.reserveWriters(), MAX_BATCH));
        // group commit: whoever gets a writer slot writes every waiting reservation of the tenant in ONE
        // transaction, so the hot row is locked once per batch instead of once per request
        return group.submit(new Pending(requestKey, amount, WalletLedger.reason(reason)), this::runBatch);
    }

    private record Pending(String key, int amount, String reason) {
    }

    private void runBatch(List<GroupCommit.Item<Pending, Reservation>> items) {
        List<Pending> batch = items.stream().map(i -> i.input).toList();
        boolean distinct = batch.stream().map(p -> p.key).distinct().count() == batch.size();
        // on MariaDB/MySQL one round trip writes the batch, so even a lone reservation goes that way; the procedure
        // commits its own transaction, so never inside a caller's
        boolean oneRoundTrip = repository.reservesInOneRoundTrip()
                && !TransactionSynchronizationManager.isActualTransactionActive();
        if (distinct && (batch.size() > 1 || oneRoundTrip)) {
            try {
                Written done = oneRoundTrip ? reserveInOneRoundTrip(batch)
                        : tx.execute(s -> reserveAllInTransaction(batch));
                if (done != null) {
                    reserveTransactions.incrementAndGet();
                    reservationsWritten.addAndGet(batch.size());
                    for (int i = 0; i < batch.size(); i++) {
                        items.get(i).complete(done.reservations().get(i));
                    }
                    afterReservations(done.wallet());
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
        afterReservations(null);
    }

    /** A written batch, and the wallet row after it when the write already returned it. */
    private record Written(List<Reservation> reservations, WalletRow wallet) {
    }

    /** @param known the wallet row just after the reservations, or null to read it */
    private void afterReservations(WalletRow known) {
        thresholds.notifyThresholds(known);
        watch.changed(context.current());
    }

    /** MariaDB/MySQL: the whole batch in one round trip; rolled back (BatchNotCovered) when not covered. */
    private Written reserveInOneRoundTrip(List<Pending> batch) {
        Instant now = clock.instant();
        Instant expires = now.plus(properties.reservationTtl());
        List<String> keys = batch.stream().map(p -> p.key).toList();
        List<Integer> amounts = batch.stream().map(p -> p.amount).toList();
        WalletRepository.BatchWritten written = repository.reserveBatch(keys, amounts,
                batch.stream().map(p -> p.reason).toList(), periods.currentPeriod(), now, expires);
        List<Long> ids = written.ids().orElseThrow(BatchNotCovered::new);
        List<Reservation> reservations = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            reservations.add(new Reservation(ids.get(i), keys.get(i), amounts.get(i), ReservationStatus.HELD, expires));
        }
        return new Written(reservations, written.wallet().orElse(null));
    }

    /** All or nothing: rolled back (BatchNotCovered) when the balance cannot cover the whole batch. */
    private Written reserveAllInTransaction(List<Pending> batch) {
        Instant now = clock.instant();
        LocalDate period = periods.currentPeriod();
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
        return new Written(reservations, null);
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
        } catch (RequestKeyTaken replay) {
            // the same request again (a retry): its reservation, not a second one
            return repository.reservationByKey(requestKey).orElseThrow(() -> replay);
        }
    }

    private Reservation reserveInTransaction(String key, int amount, String reason) {
        Instant now = clock.instant();
        LocalDate period = periods.currentPeriod();
        Instant expires = now.plus(properties.reservationTtl());
        long id = repository.insertReservation(key, amount, period, now, expires);
        repository.ledger("RESERVE", -amount, id, reason, now);
        if (!repository.spend(period, amount)) {
            // rare path: no wallet yet, a new month, or not enough tokens
            WalletRow wallet = periods.ensureCurrentPeriod();
            if (!repository.spend(period, amount)) {
                throw new InsufficientTokensException(amount, Math.max(0, wallet.available()));
            }
        }
        return new Reservation(id, key, amount, ReservationStatus.HELD, expires);
    }

    @Override
    public boolean commit(long reservationId) {
        GroupCommit<Long, Boolean> group = commitGroups.computeIfAbsent(context.current(),
                t -> new GroupCommit<>(properties.commitWriters(), MAX_BATCH));
        boolean done = group.submit(reservationId, this::commitBatch);
        if (!done) {
            log.warn("reservation {} was not held any more when committing", reservationId);
        }
        // no balance signal: committing held tokens leaves the balance as the reservation made it
        return done;
    }

    /** Commits of one tenant written together: one statement for the batch, exact per-reservation answers. */
    private void commitBatch(List<GroupCommit.Item<Long, Boolean>> items) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (items.size() == 1) {
            items.getFirst().complete(repository.transition(items.getFirst().input, ReservationStatus.HELD,
                    ReservationStatus.COMMITTED, null, now));
            return;
        }
        Set<Long> ids = new LinkedHashSet<>();
        items.forEach(i -> ids.add(i.input));
        String token = "commit " + UUID.randomUUID();
        int moved = repository.commitAll(ids, token, now);
        Set<Long> committed = moved == ids.size() ? ids : repository.committedBy(ids, token);
        Set<Long> answered = new HashSet<>();
        for (GroupCommit.Item<Long, Boolean> item : items) {
            // a reservation committed twice in one batch: only the first caller did it
            item.complete(committed.contains(item.input) && answered.add(item.input));
        }
    }

    @Override
    public boolean refund(long reservationId, Message reason) {
        return giveBack(reservationId, ReservationStatus.HELD, ReservationStatus.REFUNDED, reason);
    }

    @Override
    public boolean refundCommitted(long reservationId, Message reason) {
        return giveBack(reservationId, ReservationStatus.COMMITTED, ReservationStatus.REFUNDED, reason);
    }

    @Override
    public boolean refundCommittedPart(long reservationId, int amount, Message message) {
        if (amount <= 0) {
            return false;
        }
        String reason = WalletLedger.reason(message);
        Boolean done = tx.execute(s -> {
            Instant now = clock.instant();
            // the conditional update is the exactly-once guard: a second call (a resumed job) moves nothing
            if (!repository.markPartlyRefunded(reservationId, amount)) {
                return false;
            }
            ReservationRow reservation = repository.reservation(reservationId).orElseThrow();
            if (!repository.unspend(reservation.periodStart(), amount)) {
                repository.addPack(amount);
            }
            repository.ledger("REFUND", amount, reservationId, reason, now);
            return true;
        });
        if (Boolean.TRUE.equals(done)) {
            watch.changed(context.current());
            return true;
        }
        return false;
    }

    /** Refunds the current tenant's reservations whose time is up (left by a crash or a killed action). */
    int sweepExpired() {
        int refunded = 0;
        for (long id : repository.expiredReservations(clock.instant(), 500)) {
            if (giveBack(id, ReservationStatus.HELD, ReservationStatus.EXPIRED,
                    Message.of("wallet.ledger.expired"))) {
                refunded++;
            }
        }
        return refunded;
    }

    private boolean giveBack(long id, ReservationStatus from, ReservationStatus to, Message message) {
        String reason = WalletLedger.reason(message);
        Boolean done = tx.execute(s -> {
            Instant now = clock.instant();
            if (!repository.transition(id, from, to, reason, now)) {
                return false;
            }
            ReservationRow reservation = repository.reservation(id).orElseThrow();
            int amount = reservation.amount();
            // same period: the tokens go back where they came from (pack first, since it was used last);
            // after a new month started, they come back as pack tokens, which roll over: the customer never
            // loses tokens to our failures
            if (!repository.unspend(reservation.periodStart(), amount)) {
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
}
