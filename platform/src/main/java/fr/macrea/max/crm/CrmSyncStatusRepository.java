package fr.macrea.max.crm;

import fr.macrea.max.persistence.TenantScope;
import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.StoredMessage;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static fr.macrea.max.db.platform.Tables.CRM_SYNC_STATUS;

/** The current tenant's sync cursors and outcomes, one row per entity type, through {@link TenantScope}. */
@Repository
class CrmSyncStatusRepository {

    private static final int MAX_ERROR = 990;
    private static final String UNTRANSLATED = "shared.untranslated";

    private final TenantScope scope;

    CrmSyncStatusRepository(TenantScope scope) {
        this.scope = scope;
    }

    /** Forgets every cursor of the tenant (a backfill starts from the beginning). */
    void clear() {
        scope.deleteFrom(CRM_SYNC_STATUS).execute();
    }

    /** The cursor of an entity type, if it was ever synced. */
    Optional<LocalDateTime> cursor(String entityType) {
        return scope.selectFrom(CRM_SYNC_STATUS).and(CRM_SYNC_STATUS.ENTITY_TYPE.eq(entityType))
                .fetchOptional(CRM_SYNC_STATUS.CURSOR_MODIFIED_AT);
    }

    /** Moves the cursor after a stored page and counts its records. */
    void saveProgress(String entityType, LocalDateTime cursor, int records) {
        ensureRow(entityType);
        scope.update(CRM_SYNC_STATUS)
                .set(CRM_SYNC_STATUS.CURSOR_MODIFIED_AT, cursor)
                .set(CRM_SYNC_STATUS.RECORDS_SYNCED, CRM_SYNC_STATUS.RECORDS_SYNCED.plus(records))
                .where(CRM_SYNC_STATUS.ENTITY_TYPE.eq(entityType)).execute();
    }

    /** Records an attempt; a null error is a success. */
    void saveOutcome(String entityType, LocalDateTime attempt, Message error) {
        ensureRow(entityType);
        var update = scope.update(CRM_SYNC_STATUS).set(CRM_SYNC_STATUS.LAST_ATTEMPT_AT, attempt)
                .set(CRM_SYNC_STATUS.LAST_ERROR, error == null ? null : stored(error));
        if (error == null) {
            update.set(CRM_SYNC_STATUS.LAST_SUCCESS_AT, attempt);
        }
        update.where(CRM_SYNC_STATUS.ENTITY_TYPE.eq(entityType)).execute();
    }

    /** Every entity type's state, by name. */
    List<CrmSyncStatus> all(LocalDateTime now) {
        return scope.selectFrom(CRM_SYNC_STATUS).orderBy(CRM_SYNC_STATUS.ENTITY_TYPE).fetch().map(r -> new CrmSyncStatus(
                r.getEntityType(), CrmReader.at(r.getLastSuccessAt()), CrmReader.at(r.getLastAttemptAt()),
                CrmReader.at(r.getCursorModifiedAt()),
                r.getLastSuccessAt() == null ? null : Duration.between(r.getLastSuccessAt(), now),
                read(r.getLastError()), r.getRecordsSynced() == null ? 0 : r.getRecordsSynced()));
    }

    /**
     * The error as JSON ({@code {"key": ..., "args": [...]}}) so that the CRM tab renders it in the reader's language.
     * An error too long for the column (a long EspoCRM reason) is kept as its French text, cut short enough
     * for its JSON escapes.
     */
    static String stored(Message error) {
        String json = CrmJson.write(StoredMessage.asMap(error));
        if (json.length() <= MAX_ERROR) {
            return json;
        }
        String french = FrenchMessages.render(error);
        return StoredMessage.write(Message.of(UNTRANSLATED, french.substring(0, Math.min(french.length(), 400))), MAX_ERROR);
    }

    /** Reads {@link #stored}; a row written before errors were messages holds a French sentence, shown as is. */
    static Message read(String stored) {
        return StoredMessage.read(stored, UNTRANSLATED);
    }

    private void ensureRow(String entityType) {
        if (scope.count(CRM_SYNC_STATUS, CRM_SYNC_STATUS.ENTITY_TYPE.eq(entityType)) == 0) {
            scope.insertInto(CRM_SYNC_STATUS).set(CRM_SYNC_STATUS.ENTITY_TYPE, entityType)
                    .set(CRM_SYNC_STATUS.RECORDS_SYNCED, 0L).execute();
        }
    }
}
