package fr.macrea.max.event;

import fr.macrea.max.db.platform.tables.records.ActivityEventRecord;
import fr.macrea.max.persistence.TenantScope;
import fr.macrea.max.shared.TenantId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static fr.macrea.max.db.platform.Tables.ACTIVITY_EVENT;

/** The activity feed table. Reads go through {@link TenantScope}; see {@link #insert} for the one write. */
@Repository
class ActivityEventRepository {

    private final DSLContext dsl;
    private final TenantScope scope;

    ActivityEventRepository(DSLContext dsl, TenantScope scope) {
        this.dsl = dsl;
        this.scope = scope;
    }

    /**
     * Stores an event for the tenant the event itself names: events are recorded after their transaction, on
     * whatever thread published them (a job, a webhook), where the signed-in tenant may be absent; the event's
     * tenant is the fact being recorded, so it is authoritative here. Returns the new id.
     */
    long insert(TenantId tenant, String type, String summary, Instant occurredAt, String json) {
        return dsl.insertInto(ACTIVITY_EVENT)
                .set(ACTIVITY_EVENT.TENANT_ID, tenant.value())
                .set(ACTIVITY_EVENT.TYPE, type)
                .set(ACTIVITY_EVENT.SUMMARY, summary)
                .set(ACTIVITY_EVENT.OCCURRED_AT, LocalDateTime.ofInstant(occurredAt, ZoneOffset.UTC))
                .set(ACTIVITY_EVENT.DATA, json)
                .returning(ACTIVITY_EVENT.ID)
                .fetchOne(ACTIVITY_EVENT.ID);
    }

    /** The current tenant's newest events, newest first. */
    List<ActivityEventRecord> latest(int limit) {
        return scope.selectFrom(ACTIVITY_EVENT)
                .orderBy(ACTIVITY_EVENT.ID.desc())
                .limit(limit)
                .fetch();
    }

    /** The current tenant's events after an id, oldest first. */
    List<ActivityEventRecord> after(long id, int limit) {
        return scope.selectFrom(ACTIVITY_EVENT)
                .and(ACTIVITY_EVENT.ID.gt(id))
                .orderBy(ACTIVITY_EVENT.ID.asc())
                .limit(limit)
                .fetch();
    }

    static Instant instant(LocalDateTime stored) {
        return stored.toInstant(ZoneOffset.UTC);
    }
}
