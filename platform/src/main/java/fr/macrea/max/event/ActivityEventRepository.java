package fr.macrea.max.event;

import fr.macrea.max.db.platform.tables.records.ActivityEventRecord;
import fr.macrea.max.persistence.TenantScope;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.TenantId;
import fr.macrea.max.shared.TenantRef;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static fr.macrea.max.db.platform.Tables.ACTIVITY_EVENT;

/** The activity feed table. Every statement goes through {@link TenantScope}; see {@link #insert} for the write. */
@Repository
class ActivityEventRepository {

    private final TenantScope scope;
    private final TenantContext tenants;

    ActivityEventRepository(TenantScope scope, TenantContext tenants) {
        this.scope = scope;
        this.tenants = tenants;
    }

    /**
     * Stores an event for the tenant the event itself names: events are recorded after their transaction, on
     * whatever thread published them (a job, a webhook), where the signed-in tenant may be absent; the event's
     * tenant is the fact being recorded, so the write acts for it the way a job does ({@link TenantContext#callAs})
     * and still goes through {@link TenantScope}, which sets tenant_id from that principal. Returns the new id.
     */
    long insert(TenantId tenant, String type, String summary, Instant occurredAt, String json) {
        return tenants.callAs(TenantRef.of(tenant, "tenant-" + tenant.value()), () -> scope.insertInto(ACTIVITY_EVENT)
                .set(ACTIVITY_EVENT.TYPE, type)
                .set(ACTIVITY_EVENT.SUMMARY, summary)
                .set(ACTIVITY_EVENT.OCCURRED_AT, LocalDateTime.ofInstant(occurredAt, ZoneOffset.UTC))
                .set(ACTIVITY_EVENT.DATA, json)
                .returning(ACTIVITY_EVENT.ID)
                .fetchOne(ACTIVITY_EVENT.ID));
    }

    /** The current tenant's newest events, newest first. */
    List<FeedEvent> latest(int limit) {
        return scope.selectFrom(ACTIVITY_EVENT)
                .orderBy(ACTIVITY_EVENT.ID.desc())
                .limit(limit)
                .fetch(ActivityEventRepository::toEvent);
    }

    /** The current tenant's events after an id, oldest first. */
    List<FeedEvent> after(long id, int limit) {
        return scope.selectFrom(ACTIVITY_EVENT)
                .and(ACTIVITY_EVENT.ID.gt(id))
                .orderBy(ACTIVITY_EVENT.ID.asc())
                .limit(limit)
                .fetch(ActivityEventRepository::toEvent);
    }

    private static FeedEvent toEvent(ActivityEventRecord row) {
        return new FeedEvent(row.getId(), new TenantId(row.getTenantId()), row.getType(), row.getSummary(),
                row.getOccurredAt().toInstant(ZoneOffset.UTC), EventJson.parse(row.getData()));
    }
}
