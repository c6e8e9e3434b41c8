package fr.macrea.max.reporting;

import fr.macrea.max.crm.MaxNotes;
import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.ranking.LeadSegment;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.macrea.max.db.crm.Tables.CALL;
import static fr.macrea.max.db.crm.Tables.CAMPAIGN;
import static fr.macrea.max.db.crm.Tables.CAMPAIGN_LOG_RECORD;
import static fr.macrea.max.db.crm.Tables.EMAIL;
import static fr.macrea.max.db.crm.Tables.LEAD;
import static fr.macrea.max.db.crm.Tables.MEETING;
import static fr.macrea.max.db.crm.Tables.NOTE;
import static fr.macrea.max.db.crm.Tables.TASK;

/** jOOQ reads of the dashboard on the tenant's CRM schema; each is one index range or index scan. */
@Repository
class ReportingRepository {

    private final TenantDsl tenantDsl;

    ReportingRepository(TenantDsl tenantDsl) {
        this.tenantDsl = tenantDsl;
    }

    /**
     * Not-deleted leads per status, and the active ones per temperature (docs/reporting.md). Keys: the status values,
     * and "#CHAUD", "#A_RELANCER", "#FROID". Index-only where possible: the status counts scan the (status, deleted)
     * index, chaud and à relancer are (modified_at) ranges of at most 30 days, and froid is the rest of the active
     * leads (the three partition them), so no query reads the whole table.
     */
    Map<String, Integer> leadsByStatusAndTemperature(Instant now) {
        Map<String, Integer> out = new HashMap<>();
        tenantDsl.crm().select(LEAD.STATUS, DSL.count()).from(LEAD).where(LEAD.DELETED.eq((byte) 0))
                .groupBy(LEAD.STATUS).forEach(r -> out.put(r.value1() == null ? "" : r.value1(), r.value2()));
        int active = LeadSegment.ACTIVE_STATUSES.stream().mapToInt(st -> out.getOrDefault(st, 0)).sum();
        int hot = count(LeadSegment.CHAUD, now);
        int followUp = count(LeadSegment.A_RELANCER, now);
        out.put("#" + LeadSegment.CHAUD.name(), hot);
        out.put("#" + LeadSegment.A_RELANCER.name(), followUp);
        out.put("#" + LeadSegment.FROID.name(), active - hot - followUp);
        return out;
    }

    Map<LocalDate, Integer> newLeadsPerDay(Instant from, Instant to) {
        Field<LocalDate> day = DSL.cast(LEAD.CREATED_AT, LocalDate.class);
        Map<LocalDate, Integer> out = new HashMap<>();
        tenantDsl.crm().select(day, DSL.count()).from(LEAD)
                .where(LEAD.CREATED_AT.ge(utc(from)), LEAD.CREATED_AT.lt(utc(to)), LEAD.DELETED.eq((byte) 0))
                .groupBy(day).forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    int campaignsCreated(Instant from, Instant to) {
        return tenantDsl.crm().fetchCount(CAMPAIGN, CAMPAIGN.CREATED_AT.ge(utc(from)), CAMPAIGN.CREATED_AT.lt(utc(to)),
                CAMPAIGN.DELETED.eq((byte) 0));
    }

    Map<String, Integer> campaignActions(Instant from, Instant to) {
        Map<String, Integer> out = new HashMap<>();
        tenantDsl.crm().select(CAMPAIGN_LOG_RECORD.ACTION, DSL.count()).from(CAMPAIGN_LOG_RECORD)
                .where(CampaignActivity.counted(), CampaignActivity.during(from, to),
                        CAMPAIGN_LOG_RECORD.ACTION.in(CampaignActivity.FUNNEL))
                .groupBy(CAMPAIGN_LOG_RECORD.ACTION).forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** [sent, to follow up] of the period. */
    int[] sentEmails(Instant from, Instant to, Instant followUpBefore) {
        Record r = tenantDsl.crm().select(
                        DSL.count(),
                        DSL.count().filterWhere(EMAIL.IS_REPLIED.eq((byte) 0).and(EMAIL.PARENT_TYPE.eq("Lead"))
                                .and(EMAIL.DATE_SENT.lt(utc(followUpBefore)))))
                .from(EMAIL)
                .where(EMAIL.DATE_SENT.ge(utc(from)), EMAIL.DATE_SENT.lt(utc(to)), EMAIL.STATUS.eq("Sent"),
                        EMAIL.DELETED.eq((byte) 0))
                .fetchOne();
        return new int[]{r.get(0, Integer.class), r.get(1, Integer.class)};
    }

    int pendingEmails() {
        return tenantDsl.crm().fetchCount(EMAIL, EMAIL.DATE_SENT.isNull(), EMAIL.STATUS.in("Draft", "Sending"),
                EMAIL.DELETED.eq((byte) 0));
    }

    /** The latest activities of all kinds, newest first: each kind reads its own (created_at) index, then merge. */
    List<Dashboard.Activity> latestActivities(int limit) {
        DSLContext dsl = tenantDsl.crm();
        Select<? extends Record> union = latest(dsl, DSL.inline("Call"), CALL, CALL.ID, CALL.NAME, CALL.PARENT_TYPE, CALL.PARENT_ID, CALL.CREATED_AT, CALL.DELETED, limit)
                .unionAll(latest(dsl, DSL.inline("Meeting"), MEETING, MEETING.ID, MEETING.NAME, MEETING.PARENT_TYPE, MEETING.PARENT_ID, MEETING.CREATED_AT, MEETING.DELETED, limit))
                .unionAll(latest(dsl, DSL.inline("Email"), EMAIL, EMAIL.ID, EMAIL.NAME, EMAIL.PARENT_TYPE, EMAIL.PARENT_ID, EMAIL.CREATED_AT, EMAIL.DELETED, limit))
                .unionAll(latest(dsl, DSL.inline("Task"), TASK, TASK.ID, TASK.NAME, TASK.PARENT_TYPE, TASK.PARENT_ID, TASK.CREATED_AT, TASK.DELETED, limit))
                .unionAll(latest(dsl, noteKind(), NOTE, NOTE.ID, DSL.coalesce(DSL.substring(NOTE.POST, 1, 120), NOTE.TYPE), NOTE.PARENT_TYPE, NOTE.PARENT_ID, NOTE.CREATED_AT, NOTE.DELETED, limit));
        Table<? extends Record> all = union.asTable("a");
        return dsl.selectFrom(all).orderBy(all.field("at").desc(), all.field("id").desc()).limit(limit)
                .fetch(r -> new Dashboard.Activity(r.get("kind", String.class), r.get("id", String.class),
                        r.get("title", String.class), r.get("parent_type", String.class), r.get("parent_id", String.class),
                        r.get("at", LocalDateTime.class).toInstant(ZoneOffset.UTC)));
    }

    /** "MaxNote" for M.A.X.'s own log notes, so the feed shows them as M.A.X.'s and not as the team's activity. */
    private static Field<String> noteKind() {
        return DSL.when(NOTE.POST.like(MaxNotes.PREFIX + "%"), DSL.inline("MaxNote")).otherwise(DSL.inline("Note"));
    }

    private static org.jooq.SelectLimitPercentStep<Record> latest(DSLContext dsl, Field<String> kind, Table<?> table,
            Field<String> id, Field<String> title, Field<String> parentType, Field<String> parentId,
            Field<LocalDateTime> createdAt, Field<Byte> deleted, int limit) {
        return DSL.select(List.<org.jooq.SelectFieldOrAsterisk>of(kind.as("kind"), id.as("id"),
                        title.as("title"), parentType.as("parent_type"), parentId.as("parent_id"), createdAt.as("at")))
                .from(table).where(deleted.eq((byte) 0), createdAt.isNotNull())
                .orderBy(createdAt.desc()).limit(limit);
    }

    int count(LeadSegment segment, Instant now) {
        return tenantDsl.crm().fetchCount(LEAD, LEAD.DELETED.eq((byte) 0).and(segment.condition(now)));
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
