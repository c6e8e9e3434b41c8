package fr.macrea.max.action;

import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.db.platform.tables.records.ActionDraftRecord;
import fr.macrea.max.db.platform.tables.records.ActionLogRecord;
import fr.macrea.max.persistence.TenantScope;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static fr.macrea.max.db.platform.Tables.ACTION_DRAFT;
import static fr.macrea.max.db.platform.Tables.ACTION_LOG;

/** SQL of the action log and the drafts; every statement is tenant-scoped through {@link TenantScope}. */
@Repository
class ActionLogRepository {

    private final TenantScope scope;

    ActionLogRepository(TenantScope scope) {
        this.scope = scope;
    }

    /** Inserts the RUNNING row that claims the idempotency key; empty if the key was already used. */
    Optional<Long> claim(String key, ActionDefinition<?, ?> definition, long userId, String userName, Mode mode,
                         String summary, String targetType, String targetId, Instant now) {
        try {
            return Optional.of(scope.insertInto(ACTION_LOG)
                    .set(ACTION_LOG.IDEMPOTENCY_KEY, key)
                    .set(ACTION_LOG.ACTION_ID, definition.id())
                    .set(ACTION_LOG.ACTION_KIND, definition.kind().name())
                    .set(ACTION_LOG.USER_ID, userId)
                    .set(ACTION_LOG.USER_NAME, truncate(userName, 120))
                    .set(ACTION_LOG.MODE, mode.name())
                    .set(ACTION_LOG.SUMMARY, truncate(summary, 500))
                    .set(ACTION_LOG.TARGET_TYPE, targetType)
                    .set(ACTION_LOG.TARGET_ID, targetId)
                    .set(ACTION_LOG.STATUS, ActionStatus.RUNNING.name())
                    .set(ACTION_LOG.STARTED_AT, utc(now))
                    .returning(ACTION_LOG.ID)
                    .fetchOne()
                    .getId());
        } catch (DuplicateKeyException | IntegrityConstraintViolationException duplicate) {
            return Optional.empty();
        }
    }

    Optional<ActionLogRow> findByKey(String key) {
        return scope.selectFrom(ACTION_LOG).and(ACTION_LOG.IDEMPOTENCY_KEY.eq(key)).fetchOptional()
                .map(ActionLogRepository::toRow);
    }

    Optional<ActionLogRow> find(long id) {
        return scope.selectFrom(ACTION_LOG).and(ACTION_LOG.ID.eq(id)).fetchOptional().map(ActionLogRepository::toRow);
    }

    List<ActionLogRow> latest(int limit) {
        return scope.selectFrom(ACTION_LOG).orderBy(ACTION_LOG.ID.desc()).limit(limit)
                .fetch(ActionLogRepository::toRow);
    }

    void reserved(long id, long reservationId, int cost) {
        scope.update(ACTION_LOG)
                .set(ACTION_LOG.RESERVATION_ID, reservationId)
                .set(ACTION_LOG.COST, cost)
                .where(ACTION_LOG.ID.eq(id))
                .execute();
    }

    void finish(long id, ActionStatus status, int cost, String reason, String resultJson, String writesJson,
                Long draftId, long durationMs) {
        scope.update(ACTION_LOG)
                .set(ACTION_LOG.STATUS, status.name())
                .set(ACTION_LOG.COST, cost)
                .set(ACTION_LOG.REASON, truncate(reason, 500))
                .set(ACTION_LOG.RESULT_JSON, resultJson)
                .set(ACTION_LOG.WRITES_JSON, writesJson)
                .set(ACTION_LOG.DRAFT_ID, draftId)
                .set(ACTION_LOG.DURATION_MS, durationMs)
                .where(ACTION_LOG.ID.eq(id))
                .execute();
    }

    /** COMPLETED -> UNDONE, for exactly one caller. */
    boolean claimUndo(long id, Instant now) {
        return scope.update(ACTION_LOG)
                .set(ACTION_LOG.STATUS, ActionStatus.UNDONE.name())
                .set(ACTION_LOG.UNDONE_AT, utc(now))
                .where(ACTION_LOG.ID.eq(id))
                .and(ACTION_LOG.STATUS.eq(ActionStatus.COMPLETED.name()))
                .execute() == 1;
    }

    void revertUndo(long id) {
        scope.update(ACTION_LOG)
                .set(ACTION_LOG.STATUS, ActionStatus.COMPLETED.name())
                .setNull(ACTION_LOG.UNDONE_AT)
                .where(ACTION_LOG.ID.eq(id))
                .execute();
    }

    /** Rows left RUNNING by a crash: marked FAILED (their reservation is refunded by the wallet sweeper). */
    int failStale(Instant startedBefore, String reason) {
        return scope.update(ACTION_LOG)
                .set(ACTION_LOG.STATUS, ActionStatus.FAILED.name())
                .set(ACTION_LOG.REASON, reason)
                .set(ACTION_LOG.COST, 0)
                .where(ACTION_LOG.STATUS.eq(ActionStatus.RUNNING.name()))
                .and(ACTION_LOG.STARTED_AT.lt(utc(startedBefore)))
                .execute();
    }

    // ---- drafts

    long insertDraft(String actionId, String paramsJson, String summary, String reason, int quotedCost, long userId,
                     String userName, Instant now) {
        return scope.insertInto(ACTION_DRAFT)
                .set(ACTION_DRAFT.ACTION_ID, actionId)
                .set(ACTION_DRAFT.PARAMS_JSON, paramsJson)
                .set(ACTION_DRAFT.SUMMARY, truncate(summary, 500))
                .set(ACTION_DRAFT.REASON, truncate(reason, 255))
                .set(ACTION_DRAFT.QUOTED_COST, quotedCost)
                .set(ACTION_DRAFT.CREATED_BY, userId)
                .set(ACTION_DRAFT.CREATED_BY_NAME, truncate(userName, 120))
                .set(ACTION_DRAFT.CREATED_AT, utc(now))
                .set(ACTION_DRAFT.STATUS, DraftStatus.PENDING.name())
                .returning(ACTION_DRAFT.ID)
                .fetchOne()
                .getId();
    }

    Optional<DraftRow> draft(long id) {
        return scope.selectFrom(ACTION_DRAFT).and(ACTION_DRAFT.ID.eq(id)).fetchOptional()
                .map(ActionLogRepository::toDraft);
    }

    List<DraftRow> drafts(DraftStatus status, int limit) {
        return scope.selectFrom(ACTION_DRAFT).and(ACTION_DRAFT.STATUS.eq(status.name()))
                .orderBy(ACTION_DRAFT.ID.desc()).limit(limit).fetch(ActionLogRepository::toDraft);
    }

    /** PENDING -> VALIDATED/REJECTED for exactly one caller. */
    boolean decideDraft(long id, DraftStatus to, long userId, Instant now) {
        return scope.update(ACTION_DRAFT)
                .set(ACTION_DRAFT.STATUS, to.name())
                .set(ACTION_DRAFT.DECIDED_BY, userId)
                .set(ACTION_DRAFT.DECIDED_AT, utc(now))
                .where(ACTION_DRAFT.ID.eq(id))
                .and(ACTION_DRAFT.STATUS.eq(DraftStatus.PENDING.name()))
                .execute() == 1;
    }

    void draftRan(long id, long actionLogId, boolean reopen) {
        var update = scope.update(ACTION_DRAFT).set(ACTION_DRAFT.ACTION_LOG_ID, actionLogId);
        if (reopen) {
            update = update.set(ACTION_DRAFT.STATUS, DraftStatus.PENDING.name());
        }
        update.where(ACTION_DRAFT.ID.eq(id)).execute();
    }

    private static ActionLogRow toRow(ActionLogRecord r) {
        EntityRef target = r.getTargetType() == null ? null : new EntityRef(r.getTargetType(), r.getTargetId());
        return new ActionLogRow(r.getId(), r.getActionId(), ActionKind.valueOf(r.getActionKind()), r.getUserName(),
                Mode.valueOf(r.getMode()), r.getSummary(), target, r.getCost() == null ? 0 : r.getCost(),
                r.getReservationId(), ActionStatus.valueOf(r.getStatus()), r.getReason(), r.getResultJson(),
                r.getWritesJson(), r.getDraftId(), instant(r.getStartedAt()), r.getDurationMs());
    }

    private static DraftRow toDraft(ActionDraftRecord r) {
        return new DraftRow(r.getId(), r.getActionId(), r.getParamsJson(), r.getSummary(), r.getReason(),
                r.getQuotedCost() == null ? 0 : r.getQuotedCost(), r.getCreatedByName(), instant(r.getCreatedAt()),
                DraftStatus.valueOf(r.getStatus()), r.getActionLogId());
    }

    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
