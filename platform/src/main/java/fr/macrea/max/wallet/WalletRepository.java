package fr.macrea.max.wallet;

import fr.macrea.max.db.platform.tables.records.WalletRecord;
import fr.macrea.max.db.platform.tables.records.WalletReservationRecord;
import fr.macrea.max.persistence.TenantScope;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static fr.macrea.max.db.platform.Tables.WALLET;
import static fr.macrea.max.db.platform.Tables.WALLET_LEDGER;
import static fr.macrea.max.db.platform.Tables.WALLET_RESERVATION;
import static fr.macrea.max.db.platform.Tables.WALLET_TOP_UP;

/** SQL of the wallet. Every statement goes through {@link TenantScope}: the tenant is the principal's. */
@Repository
class WalletRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TenantScope scope;

    WalletRepository(TenantScope scope) {
        this.scope = scope;
    }

    /** Creates the wallet row if absent; true when this call created it. */
    boolean insertIfAbsent(LocalDate period, int allowance) {
        return scope.insertInto(WALLET)
                .set(WALLET.PERIOD_START, period)
                .set(WALLET.ALLOWANCE_TOKENS, allowance)
                .set(WALLET.PACK_TOKENS, 0)
                .set(WALLET.SPENT, 0)
                .onDuplicateKeyIgnore()
                .execute() == 1;
    }

    Optional<WalletRow> find() {
        return scope.selectFrom(WALLET).fetchOptional().map(WalletRepository::toRow);
    }

    Optional<WalletRow> lock() {
        return scope.selectFrom(WALLET).forUpdate().fetchOptional().map(WalletRepository::toRow);
    }

    /**
     * THE hot statement: one conditional update of one column, so that concurrent spenders serialise on the row
     * lock and the database refuses anything that would go below zero.
     */
    boolean spend(LocalDate period, int amount) {
        return scope.update(WALLET)
                .set(WALLET.SPENT, WALLET.SPENT.plus(amount))
                .where(WALLET.PERIOD_START.eq(period))
                .and(WALLET.SPENT.plus(amount).le(WALLET.ALLOWANCE_TOKENS.plus(WALLET.PACK_TOKENS)))
                .execute() == 1;
    }

    /** Gives back tokens spent in the current period (undoes {@link #spend}); false if the period has changed. */
    boolean unspend(LocalDate period, int amount) {
        return scope.update(WALLET)
                .set(WALLET.SPENT, WALLET.SPENT.minus(amount))
                .where(WALLET.PERIOD_START.eq(period))
                .and(WALLET.SPENT.ge(amount))
                .execute() == 1;
    }

    /**
     * Claims a top-up request key; false when it was already claimed (a double click, a retry). On MariaDB a
     * concurrent claim of the same key waits for the first transaction, then is ignored.
     */
    boolean claimTopUp(String requestKey, int packs, Instant at) {
        return scope.insertInto(WALLET_TOP_UP)
                .set(WALLET_TOP_UP.REQUEST_KEY, requestKey)
                .set(WALLET_TOP_UP.PACKS, packs)
                .set(WALLET_TOP_UP.CREATED_AT, utc(at))
                .onDuplicateKeyIgnore()
                .execute() == 1;
    }

    void addPack(int tokens) {
        scope.update(WALLET)
                .set(WALLET.PACK_TOKENS, WALLET.PACK_TOKENS.plus(tokens))
                .all()
                .execute();
    }

    void startPeriod(LocalDate period, int allowance, int packLeft) {
        scope.update(WALLET)
                .set(WALLET.PERIOD_START, period)
                .set(WALLET.ALLOWANCE_TOKENS, allowance)
                .set(WALLET.PACK_TOKENS, packLeft)
                .set(WALLET.SPENT, 0)
                .set(WALLET.NOTIFIED_80, false)
                .set(WALLET.NOTIFIED_100, false)
                .all()
                .execute();
    }

    void setAllowance(int allowance) {
        scope.update(WALLET)
                .set(WALLET.ALLOWANCE_TOKENS, allowance)
                .all()
                .execute();
    }

    /** Claims the 80 % (or 100 %) notification of the period; true for exactly one caller. */
    boolean claimNotification(LocalDate period, boolean full) {
        var flag = full ? WALLET.NOTIFIED_100 : WALLET.NOTIFIED_80;
        return scope.update(WALLET)
                .set(flag, true)
                .where(WALLET.PERIOD_START.eq(period))
                .and(flag.isFalse())
                .execute() == 1;
    }

    void ledger(String kind, int delta, Long reservationId, String reason, Instant at) {
        scope.insertInto(WALLET_LEDGER)
                .set(WALLET_LEDGER.KIND, kind)
                .set(WALLET_LEDGER.DELTA, delta)
                .set(WALLET_LEDGER.RESERVATION_ID, reservationId)
                .set(WALLET_LEDGER.REASON, truncate(reason, 255))
                .set(WALLET_LEDGER.CREATED_AT, utc(at))
                .execute();
    }

    long ledgerSum() {
        Long sum = scope
                .select(DSL.coalesce(DSL.sum(WALLET_LEDGER.DELTA), DSL.inline(java.math.BigDecimal.ZERO)).cast(Long.class))
                .from(WALLET_LEDGER)
                .fetchOne(0, Long.class);
        return sum == null ? 0 : sum;
    }

    List<LedgerEntry> ledgerPage(int limit) {
        return scope.selectFrom(WALLET_LEDGER)
                .orderBy(WALLET_LEDGER.ID.desc())
                .limit(limit)
                .fetch(r -> new LedgerEntry(r.getId(), r.getKind(), r.getDelta(), r.getReservationId(),
                        WalletLedger.read(r.getReason()),
                        instant(r.getCreatedAt())));
    }

    /** Inserts a HELD reservation; {@link RequestKeyTaken} if its request key is already used. */
    long insertReservation(String key, int amount, LocalDate period, Instant now, Instant expiresAt) {
        try {
            return insertHeld(key, amount, period, now, expiresAt);
        } catch (DuplicateKeyException | IntegrityConstraintViolationException duplicate) {
            throw new RequestKeyTaken(duplicate);
        }
    }

    private long insertHeld(String key, int amount, LocalDate period, Instant now, Instant expiresAt) {
        return scope.insertInto(WALLET_RESERVATION)
                .set(WALLET_RESERVATION.REQUEST_KEY, key)
                .set(WALLET_RESERVATION.AMOUNT, amount)
                .set(WALLET_RESERVATION.PERIOD_START, period)
                .set(WALLET_RESERVATION.STATUS, ReservationStatus.HELD.name())
                .set(WALLET_RESERVATION.CREATED_AT, utc(now))
                .set(WALLET_RESERVATION.EXPIRES_AT, utc(expiresAt))
                .returning(WALLET_RESERVATION.ID)
                .fetchOne()
                .getId();
    }

    /** Several reservations in one multi-row insert; ids in the order of {@code keys}. */
    List<Long> insertReservations(List<String> keys, List<Integer> amounts, LocalDate period, Instant now,
                                  Instant expiresAt) {
        var insert = scope.insertInto(WALLET_RESERVATION,
                WALLET_RESERVATION.REQUEST_KEY, WALLET_RESERVATION.AMOUNT, WALLET_RESERVATION.PERIOD_START,
                WALLET_RESERVATION.STATUS, WALLET_RESERVATION.CREATED_AT, WALLET_RESERVATION.EXPIRES_AT);
        for (int i = 0; i < keys.size(); i++) {
            insert.values(keys.get(i), amounts.get(i), period, ReservationStatus.HELD.name(), utc(now), utc(expiresAt));
        }
        return insert.returning(WALLET_RESERVATION.ID);
    }

    /** Several RESERVE ledger lines in one multi-row insert. */
    void ledgerReserves(List<Long> reservationIds, List<Integer> amounts, List<String> reasons, Instant at) {
        var insert = scope.insertInto(WALLET_LEDGER,
                WALLET_LEDGER.KIND, WALLET_LEDGER.DELTA, WALLET_LEDGER.RESERVATION_ID, WALLET_LEDGER.REASON,
                WALLET_LEDGER.CREATED_AT);
        for (int i = 0; i < reservationIds.size(); i++) {
            insert.values("RESERVE", -amounts.get(i), reservationIds.get(i), truncate(reasons.get(i), 255), utc(at));
        }
        insert.execute();
    }

    /** True on MariaDB/MySQL: {@link #reserveBatch} writes a batch in one round trip. */
    boolean reservesInOneRoundTrip() {
        return scope.hasProcedures();
    }

    /** What {@link #reserveBatch} wrote: ids in the order of the keys, or none when the balance did not cover it. */
    record BatchWritten(Optional<List<Long>> ids, Optional<WalletRow> wallet) {
    }

    /**
     * Reservations, their RESERVE ledger lines and the conditional update of the hot row, committed together in
     * ONE round trip (procedure {@code wallet_reserve_batch}, migration V91), or nothing written at all when the
     * balance cannot cover the whole batch. Must not run inside a transaction: the procedure commits its own.
     * A request key already used raises the database's duplicate-key error, nothing written.
     */
    BatchWritten reserveBatch(List<String> keys, List<Integer> amounts, List<String> reasons, LocalDate period,
                              Instant now, Instant expiresAt) {
        List<Map<String, Object>> items = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("k", keys.get(i));
            item.put("a", amounts.get(i));
            String reason = truncate(reasons.get(i), 255);
            if (reason != null) {
                item.put("r", reason);
            }
            items.add(item);
        }
        Result<Record> rows = scope.call("wallet_reserve_batch", period, utc(now), utc(expiresAt),
                JSON.writeValueAsString(items));
        if (rows.isEmpty()) {
            return new BatchWritten(Optional.empty(), Optional.empty());
        }
        Record row = rows.getFirst();
        WalletRow wallet = new WalletRow(row.get("period_start", LocalDate.class),
                row.get("allowance_tokens", Integer.class), row.get("pack_tokens", Integer.class),
                row.get("spent", Integer.class), Boolean.TRUE.equals(row.get("notified_80", Boolean.class)),
                Boolean.TRUE.equals(row.get("notified_100", Boolean.class)));
        String ids = row.get("ids", String.class);
        return new BatchWritten(ids == null ? Optional.empty()
                : Optional.of(Arrays.stream(ids.split(",")).map(Long::valueOf).toList()), Optional.of(wallet));
    }

    Optional<ReservationRow> reservation(long id) {
        return scope.selectFrom(WALLET_RESERVATION).and(WALLET_RESERVATION.ID.eq(id)).fetchOptional()
                .map(r -> new ReservationRow(r.getId(), r.getAmount() - r.getPartlyRefunded(), r.getPeriodStart(),
                        ReservationStatus.valueOf(r.getStatus())));
    }

    Optional<Reservation> reservationByKey(String key) {
        return scope.selectFrom(WALLET_RESERVATION).and(WALLET_RESERVATION.REQUEST_KEY.eq(key)).fetchOptional()
                .map(WalletRepository::toReservation);
    }

    /** Records the one partial refund of a committed reservation; true for exactly one caller. */
    boolean markPartlyRefunded(long id, int amount) {
        return scope.update(WALLET_RESERVATION)
                .set(WALLET_RESERVATION.PARTLY_REFUNDED, amount)
                .where(WALLET_RESERVATION.ID.eq(id))
                .and(WALLET_RESERVATION.STATUS.eq(ReservationStatus.COMMITTED.name()))
                .and(WALLET_RESERVATION.PARTLY_REFUNDED.eq(0))
                .and(WALLET_RESERVATION.AMOUNT.ge(amount))
                .execute() == 1;
    }

    /** Moves a reservation from one status to another; true for exactly one caller (the exactly-once guard). */
    boolean transition(long id, ReservationStatus from, ReservationStatus to, String reason, Instant at) {
        return scope.update(WALLET_RESERVATION)
                .set(WALLET_RESERVATION.STATUS, to.name())
                .set(WALLET_RESERVATION.REASON, truncate(reason, 255))
                .set(WALLET_RESERVATION.SETTLED_AT, utc(at))
                .where(WALLET_RESERVATION.ID.eq(id))
                .and(WALLET_RESERVATION.STATUS.eq(from.name()))
                .execute() == 1;
    }

    /**
     * HELD -> COMMITTED for several reservations in one statement, stamped with a token unique to this call;
     * returns how many moved.
     */
    int commitAll(java.util.Collection<Long> ids, String token, Instant at) {
        return scope.update(WALLET_RESERVATION)
                .set(WALLET_RESERVATION.STATUS, ReservationStatus.COMMITTED.name())
                .set(WALLET_RESERVATION.REASON, token)
                .set(WALLET_RESERVATION.SETTLED_AT, utc(at))
                .where(WALLET_RESERVATION.ID.in(ids))
                .and(WALLET_RESERVATION.STATUS.eq(ReservationStatus.HELD.name()))
                .execute();
    }

    /** Which of these reservations the {@link #commitAll} call with this token committed. */
    java.util.Set<Long> committedBy(java.util.Collection<Long> ids, String token) {
        return new java.util.HashSet<>(scope.select(WALLET_RESERVATION.ID).from(WALLET_RESERVATION)
                .and(WALLET_RESERVATION.ID.in(ids))
                .and(WALLET_RESERVATION.STATUS.eq(ReservationStatus.COMMITTED.name()))
                .and(WALLET_RESERVATION.REASON.eq(token))
                .fetch(WALLET_RESERVATION.ID));
    }

    List<Long> expiredReservations(Instant now, int limit) {
        return scope.select(WALLET_RESERVATION.ID).from(WALLET_RESERVATION)
                .and(WALLET_RESERVATION.STATUS.eq(ReservationStatus.HELD.name()))
                .and(WALLET_RESERVATION.EXPIRES_AT.lt(utc(now)))
                .orderBy(WALLET_RESERVATION.ID)
                .limit(limit)
                .fetch(WALLET_RESERVATION.ID);
    }

    int heldTokens() {
        Integer sum = scope
                .select(DSL.coalesce(DSL.sum(WALLET_RESERVATION.AMOUNT), DSL.inline(java.math.BigDecimal.ZERO)).cast(Integer.class))
                .from(WALLET_RESERVATION)
                .and(WALLET_RESERVATION.STATUS.eq(ReservationStatus.HELD.name()))
                .fetchOne(0, Integer.class);
        return sum == null ? 0 : sum;
    }

    private static WalletRow toRow(WalletRecord w) {
        return new WalletRow(w.getPeriodStart(), w.getAllowanceTokens(), w.getPackTokens(), w.getSpent(),
                Boolean.TRUE.equals(w.getNotified_80()), Boolean.TRUE.equals(w.getNotified_100()));
    }

    private static Reservation toReservation(WalletReservationRecord r) {
        return new Reservation(r.getId(), r.getRequestKey(), r.getAmount(), ReservationStatus.valueOf(r.getStatus()),
                instant(r.getExpiresAt()));
    }

    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
