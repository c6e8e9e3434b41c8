package fr.macrea.max.fields;

import fr.macrea.max.persistence.TenantScope;
import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.StoredMessage;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static fr.macrea.max.db.platform.Tables.FIELD_MIGRATION;
import static fr.macrea.max.db.platform.Tables.FIELD_MIGRATION_STEP;

/** Migration projects and their steps, of the current tenant only ({@link TenantScope}). */
@Repository
class MigrationRepository {

    static final int ERROR_LENGTH = 1000;

    /** A stored project: its frozen proposal (JSON) and where it is. */
    record Row(long id, String brainId, String brainName, String target, MigrationStatus status, String projectJson,
               int fieldCount, Integer confirmedFieldCount, Long draftId, Long actionLogId, Message error,
               String createdBy, Instant createdAt, Instant appliedAt, Instant undoneAt) {
    }

    private final TenantScope scope;

    MigrationRepository(TenantScope scope) {
        this.scope = scope;
    }

    long insert(String brainId, String brainName, String target, String projectJson, int fieldCount,
                List<MigrationStep> steps, String createdBy, Instant now) {
        long id = scope.insertInto(FIELD_MIGRATION)
                .set(FIELD_MIGRATION.BRAIN_ID, brainId)
                .set(FIELD_MIGRATION.BRAIN_NAME, clip(brainName, 190))
                .set(FIELD_MIGRATION.TARGET, target)
                .set(FIELD_MIGRATION.STATUS, MigrationStatus.DRAFT.name())
                .set(FIELD_MIGRATION.PROJECT_JSON, projectJson)
                .set(FIELD_MIGRATION.FIELD_COUNT, fieldCount)
                .set(FIELD_MIGRATION.CREATED_BY, clip(createdBy, 190))
                .set(FIELD_MIGRATION.CREATED_AT, utc(now))
                .returning(FIELD_MIGRATION.ID).fetchOne().getId();
        for (MigrationStep step : steps) {
            scope.insertInto(FIELD_MIGRATION_STEP)
                    .set(FIELD_MIGRATION_STEP.MIGRATION_ID, id)
                    .set(FIELD_MIGRATION_STEP.IDX, step.index())
                    .set(FIELD_MIGRATION_STEP.KIND, step.kind().name())
                    .set(FIELD_MIGRATION_STEP.ENTITY_TYPE, step.entity())
                    .set(FIELD_MIGRATION_STEP.NAME, step.name())
                    .set(FIELD_MIGRATION_STEP.COMMAND, step.command())
                    .set(FIELD_MIGRATION_STEP.STATE, StepState.PENDING.name())
                    .execute();
        }
        return id;
    }

    Optional<Row> find(long id) {
        return scope.select(columns()).from(FIELD_MIGRATION).and(FIELD_MIGRATION.ID.eq(id)).fetchOptional(this::row);
    }

    List<Row> latest(int limit) {
        return scope.select(columns()).from(FIELD_MIGRATION).orderBy(FIELD_MIGRATION.ID.desc()).limit(limit)
                .fetch(this::row);
    }

    /** Projects APPLYING whose heartbeat is older than {@code before}: their node stopped mid-way. */
    List<Long> interrupted(Instant before) {
        return scope.select(FIELD_MIGRATION.ID).from(FIELD_MIGRATION)
                .and(FIELD_MIGRATION.STATUS.eq(MigrationStatus.APPLYING.name()))
                .and(FIELD_MIGRATION.HEARTBEAT_AT.isNull().or(FIELD_MIGRATION.HEARTBEAT_AT.lt(utc(before))))
                .orderBy(FIELD_MIGRATION.ID).fetch(r -> r.get(FIELD_MIGRATION.ID));
    }

    /** The applying node is alive (see {@link MigrationRunner}). */
    void heartbeat(long id, Instant at) {
        scope.update(FIELD_MIGRATION).set(FIELD_MIGRATION.HEARTBEAT_AT, utc(at))
                .where(FIELD_MIGRATION.ID.eq(id).and(FIELD_MIGRATION.STATUS.eq(MigrationStatus.APPLYING.name())))
                .execute();
    }

    /** Moves a project from one status to another; false if it was no longer in {@code from} (someone else won). */
    boolean move(long id, MigrationStatus from, MigrationStatus to) {
        return scope.update(FIELD_MIGRATION).set(FIELD_MIGRATION.STATUS, to.name())
                .where(FIELD_MIGRATION.ID.eq(id).and(FIELD_MIGRATION.STATUS.eq(from.name()))).execute() == 1;
    }

    void delete(long id) {
        scope.deleteFrom(FIELD_MIGRATION_STEP).and(FIELD_MIGRATION_STEP.MIGRATION_ID.eq(id)).execute();
        scope.deleteFrom(FIELD_MIGRATION).and(FIELD_MIGRATION.ID.eq(id)).execute();
    }

    void failed(long id, Message error) {
        scope.update(FIELD_MIGRATION).set(FIELD_MIGRATION.STATUS, MigrationStatus.FAILED.name())
                .set(FIELD_MIGRATION.ERROR_JSON, StoredMessage.write(error, ERROR_LENGTH))
                .where(FIELD_MIGRATION.ID.eq(id)).execute();
    }

    void applied(long id, Instant at) {
        scope.update(FIELD_MIGRATION).set(FIELD_MIGRATION.STATUS, MigrationStatus.APPLIED.name())
                .set(FIELD_MIGRATION.APPLIED_AT, utc(at))
                .where(FIELD_MIGRATION.ID.eq(id)).execute();
    }

    void undone(long id, String backupCsv, Instant at) {
        scope.update(FIELD_MIGRATION).set(FIELD_MIGRATION.STATUS, MigrationStatus.UNDONE.name())
                .set(FIELD_MIGRATION.BACKUP_CSV, backupCsv).set(FIELD_MIGRATION.UNDONE_AT, utc(at))
                .where(FIELD_MIGRATION.ID.eq(id)).execute();
    }

    void draft(long id, Long draftId, Long actionLogId) {
        scope.update(FIELD_MIGRATION).set(FIELD_MIGRATION.DRAFT_ID, draftId)
                .set(FIELD_MIGRATION.ACTION_LOG_ID, actionLogId).where(FIELD_MIGRATION.ID.eq(id)).execute();
    }

    void confirmed(long id, int fieldCount) {
        scope.update(FIELD_MIGRATION).set(FIELD_MIGRATION.CONFIRMED_FIELD_COUNT, fieldCount)
                .where(FIELD_MIGRATION.ID.eq(id)).execute();
    }

    Optional<String> backup(long id) {
        return scope.select(FIELD_MIGRATION.BACKUP_CSV).from(FIELD_MIGRATION).and(FIELD_MIGRATION.ID.eq(id))
                .fetchOptional(r -> r.get(FIELD_MIGRATION.BACKUP_CSV)).filter(csv -> csv != null);
    }

    List<MigrationStep> steps(long id) {
        return scope.selectFrom(FIELD_MIGRATION_STEP).and(FIELD_MIGRATION_STEP.MIGRATION_ID.eq(id))
                .orderBy(FIELD_MIGRATION_STEP.IDX).fetch()
                .map(r -> new MigrationStep(r.getIdx(), MigrationStep.Kind.valueOf(r.getKind()), r.getEntityType(),
                        r.getName(), r.getCommand(), StepState.valueOf(r.getState()),
                        r.getErrorJson() == null ? null : StoredMessage.read(r.getErrorJson(), "fields.text")));
    }

    /** Commits one step's state before the next step starts: what a crash leaves behind is exact. */
    void step(long id, int index, StepState state, Message error) {
        scope.update(FIELD_MIGRATION_STEP).set(FIELD_MIGRATION_STEP.STATE, state.name())
                .set(FIELD_MIGRATION_STEP.ERROR_JSON, error == null ? null : StoredMessage.write(error, ERROR_LENGTH))
                .where(FIELD_MIGRATION_STEP.MIGRATION_ID.eq(id).and(FIELD_MIGRATION_STEP.IDX.eq(index))).execute();
    }

    private static org.jooq.SelectFieldOrAsterisk[] columns() {
        return new org.jooq.SelectFieldOrAsterisk[]{FIELD_MIGRATION.ID, FIELD_MIGRATION.BRAIN_ID,
                FIELD_MIGRATION.BRAIN_NAME, FIELD_MIGRATION.TARGET, FIELD_MIGRATION.STATUS,
                FIELD_MIGRATION.PROJECT_JSON, FIELD_MIGRATION.FIELD_COUNT, FIELD_MIGRATION.CONFIRMED_FIELD_COUNT,
                FIELD_MIGRATION.DRAFT_ID, FIELD_MIGRATION.ACTION_LOG_ID, FIELD_MIGRATION.ERROR_JSON,
                FIELD_MIGRATION.CREATED_BY, FIELD_MIGRATION.CREATED_AT, FIELD_MIGRATION.APPLIED_AT,
                FIELD_MIGRATION.UNDONE_AT};
    }

    private Row row(Record r) {
        String error = r.get(FIELD_MIGRATION.ERROR_JSON);
        return new Row(r.get(FIELD_MIGRATION.ID), r.get(FIELD_MIGRATION.BRAIN_ID), r.get(FIELD_MIGRATION.BRAIN_NAME),
                r.get(FIELD_MIGRATION.TARGET), MigrationStatus.valueOf(r.get(FIELD_MIGRATION.STATUS)),
                r.get(FIELD_MIGRATION.PROJECT_JSON), r.get(FIELD_MIGRATION.FIELD_COUNT),
                r.get(FIELD_MIGRATION.CONFIRMED_FIELD_COUNT), r.get(FIELD_MIGRATION.DRAFT_ID),
                r.get(FIELD_MIGRATION.ACTION_LOG_ID), error == null ? null : StoredMessage.read(error, "fields.text"),
                r.get(FIELD_MIGRATION.CREATED_BY), instant(r.get(FIELD_MIGRATION.CREATED_AT)),
                instant(r.get(FIELD_MIGRATION.APPLIED_AT)), instant(r.get(FIELD_MIGRATION.UNDONE_AT)));
    }

    private static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }

    private static LocalDateTime utc(Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
