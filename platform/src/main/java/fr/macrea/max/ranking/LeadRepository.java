package fr.macrea.max.ranking;

import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.crm.CriterionConditions;
import fr.macrea.max.crm.CrmSearch;
import fr.macrea.max.crm.CustomField;
import fr.macrea.max.crm.CustomFieldColumns;
import fr.macrea.max.plugins.api.Criterion;
import fr.macrea.max.crm.MaxNotes;
import fr.macrea.max.persistence.TenantDsl;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.macrea.max.db.crm.Tables.ARRAY_VALUE;
import static fr.macrea.max.db.crm.Tables.CALL;
import static fr.macrea.max.db.crm.Tables.EMAIL;
import static fr.macrea.max.db.crm.Tables.EMAIL_ADDRESS;
import static fr.macrea.max.db.crm.Tables.ENTITY_EMAIL_ADDRESS;
import static fr.macrea.max.db.crm.Tables.LEAD;
import static fr.macrea.max.db.crm.Tables.MEETING;
import static fr.macrea.max.db.crm.Tables.NOTE;
import static fr.macrea.max.db.crm.Tables.TASK;
import static fr.macrea.max.db.crm.Tables.USER;

/** jOOQ reads of the tenant's leads for the CRM tab, always through {@link TenantDsl#crm()}. */
@Repository
class LeadRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    /** A lead row and the facts the page needs besides it. */
    record Raw(String id, String firstName, String lastName, String accountName, String title, String city,
               String status, String source, Set<String> tags, String assignedUserId, Instant createdAt,
               Instant modifiedAt, Map<String, Object> custom) {
    }

    private final TenantDsl tenantDsl;

    LeadRepository(TenantDsl tenantDsl) {
        this.tenantDsl = tenantDsl;
    }

    /**
     * One keyset page on (created_at, id) descending. Free text is the CRM's one search rule
     * ({@link CrmSearch#leadMatches}): every word a case- and accent-insensitive prefix of a word of the first name,
     * last name, company or e-mail address, the same on H2 and MariaDB.
     */
    List<Raw> page(LeadFilter filter, Cursor after, int limit, Instant now, List<CustomField> custom) {
        Condition where = conditions(filter, after, now);
        if (filter.text() != null) {
            where = where.and(CrmSearch.leadMatches(filter.text()));
        }
        return tenantDsl.crm().select(columns(custom)).from(LEAD).where(where)
                .orderBy(LEAD.CREATED_AT.desc(), LEAD.ID.desc()).limit(limit).fetch(r -> raw(r, custom));
    }

    /** Active leads touched in the last 30 days, most recent first: the candidates of the ranking. */
    List<Raw> recentlyActive(int limit, Instant now) {
        return tenantDsl.crm().select(columns(List.of())).from(LEAD)
                .where(LEAD.DELETED.eq((byte) 0), LEAD.MODIFIED_AT.gt(utc(now.minus(LeadSegment.COLD_AFTER))),
                        LEAD.STATUS.in(LeadSegment.ACTIVE_STATUSES))
                .orderBy(LEAD.MODIFIED_AT.desc(), LEAD.ID.desc()).limit(limit).fetch(r -> raw(r, List.of()));
    }

    /** Primary e-mail address per lead id. */
    Map<String, String> emails(Collection<String> leadIds) {
        if (leadIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        tenantDsl.crm().select(ENTITY_EMAIL_ADDRESS.ENTITY_ID, EMAIL_ADDRESS.NAME, ENTITY_EMAIL_ADDRESS.PRIMARY)
                .from(ENTITY_EMAIL_ADDRESS).join(EMAIL_ADDRESS).on(EMAIL_ADDRESS.ID.eq(ENTITY_EMAIL_ADDRESS.EMAIL_ADDRESS_ID))
                .where(ENTITY_EMAIL_ADDRESS.ENTITY_ID.in(leadIds), ENTITY_EMAIL_ADDRESS.ENTITY_TYPE.eq("Lead"),
                        ENTITY_EMAIL_ADDRESS.DELETED.eq((byte) 0))
                .orderBy(ENTITY_EMAIL_ADDRESS.PRIMARY.desc())
                .forEach(r -> out.putIfAbsent(r.value1(), r.value2()));
        return out;
    }

    /**
     * Activities (calls, meetings, e-mails, tasks, notes) attached to each lead since {@code from}. M.A.X.'s own log
     * notes are not the lead's activity ({@link MaxNotes}).
     */
    Map<String, Integer> activityCounts(Collection<String> leadIds, Instant from) {
        if (leadIds.isEmpty()) {
            return Map.of();
        }
        LocalDateTime since = utc(from);
        var union = countBy(CALL.PARENT_ID, CALL.PARENT_TYPE, CALL.CREATED_AT, CALL.DELETED, CALL, DSL.noCondition(), leadIds, since)
                .unionAll(countBy(MEETING.PARENT_ID, MEETING.PARENT_TYPE, MEETING.CREATED_AT, MEETING.DELETED, MEETING, DSL.noCondition(), leadIds, since))
                .unionAll(countBy(EMAIL.PARENT_ID, EMAIL.PARENT_TYPE, EMAIL.CREATED_AT, EMAIL.DELETED, EMAIL, DSL.noCondition(), leadIds, since))
                .unionAll(countBy(TASK.PARENT_ID, TASK.PARENT_TYPE, TASK.CREATED_AT, TASK.DELETED, TASK, DSL.noCondition(), leadIds, since))
                .unionAll(countBy(NOTE.PARENT_ID, NOTE.PARENT_TYPE, NOTE.CREATED_AT, NOTE.DELETED, NOTE, MaxNotes.notByMax(), leadIds, since));
        Map<String, Integer> out = new HashMap<>();
        for (Record r : tenantDsl.crm().fetch(union)) {
            out.merge(r.get(0, String.class), r.get(1, Integer.class), Integer::sum);
        }
        return out;
    }

    private static org.jooq.SelectHavingStep<Record2<String, Integer>> countBy(Field<String> parentId, Field<String> parentType,
            Field<LocalDateTime> createdAt, Field<Byte> deleted, Table<?> table, Condition extra, Collection<String> ids,
            LocalDateTime since) {
        return DSL.select(parentId, DSL.count()).from(table)
                .where(parentId.in(ids), parentType.eq("Lead"), createdAt.ge(since), deleted.eq((byte) 0), extra)
                .groupBy(parentId);
    }

    Map<String, String> userNames(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        tenantDsl.crm().select(USER.ID, USER.FIRST_NAME, USER.LAST_NAME, USER.USER_NAME).from(USER)
                .where(USER.ID.in(userIds)).forEach(r -> out.put(r.value1(), userName(r.value2(), r.value3(), r.value4())));
        return out;
    }

    /** Active users of the tenant's CRM, id -> name, for the "assigned user" filter. */
    Map<String, String> users() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        tenantDsl.crm().select(USER.ID, USER.FIRST_NAME, USER.LAST_NAME, USER.USER_NAME).from(USER)
                .where(USER.DELETED.eq((byte) 0), USER.IS_ACTIVE.eq((byte) 1))
                .orderBy(USER.LAST_NAME, USER.FIRST_NAME)
                .forEach(r -> out.put(r.value1(), userName(r.value2(), r.value3(), r.value4())));
        return out;
    }

    List<String> sources() {
        return tenantDsl.crm().selectDistinct(LEAD.SOURCE).from(LEAD).where(LEAD.SOURCE.isNotNull())
                .orderBy(LEAD.SOURCE).fetch(LEAD.SOURCE);
    }

    List<String> tags() {
        return tenantDsl.crm().selectDistinct(ARRAY_VALUE.VALUE).from(ARRAY_VALUE)
                .where(ARRAY_VALUE.ENTITY_TYPE.eq("Lead"), ARRAY_VALUE.ATTRIBUTE.eq("cTags"), ARRAY_VALUE.DELETED.eq((byte) 0))
                .orderBy(ARRAY_VALUE.VALUE).limit(500).fetch(ARRAY_VALUE.VALUE);
    }

    /** Number of leads matching the filter: the same conditions as {@link #page}, without the cursor. */
    int count(LeadFilter filter, Instant now) {
        Condition where = conditions(filter, null, now);
        if (filter.text() != null) {
            where = where.and(CrmSearch.leadMatches(filter.text()));
        }
        return tenantDsl.crm().fetchCount(LEAD, where);
    }

    /** Number of leads in a segment (index range on status / modified_at). */
    int count(LeadSegment segment, Instant now) {
        return tenantDsl.crm().fetchCount(LEAD, LEAD.DELETED.eq((byte) 0).and(segment.condition(now)));
    }

    private static String userName(String first, String last, String userName) {
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        return name.isEmpty() ? userName : name;
    }

    static Condition conditions(LeadFilter f, Cursor after, Instant now) {
        List<Condition> where = new ArrayList<>();
        where.add(LEAD.DELETED.eq((byte) 0));
        if (f.segment() != null) {
            where.add(f.segment().condition(now));
        }
        if (!f.statuses().isEmpty()) {
            where.add(LEAD.STATUS.in(f.statuses()));
        }
        if (!f.sources().isEmpty()) {
            where.add(LEAD.SOURCE.in(f.sources()));
        }
        if (!f.tags().isEmpty()) {
            where.add(LEAD.ID.in(DSL.select(ARRAY_VALUE.ENTITY_ID).from(ARRAY_VALUE).where(
                    ARRAY_VALUE.ENTITY_TYPE.eq("Lead"), ARRAY_VALUE.ATTRIBUTE.eq("cTags"),
                    ARRAY_VALUE.VALUE.in(f.tags()), ARRAY_VALUE.DELETED.eq((byte) 0))));
        }
        if (f.assignedUserId() != null) {
            where.add(LEAD.ASSIGNED_USER_ID.eq(f.assignedUserId()));
        }
        if (f.createdFrom() != null) {
            where.add(LEAD.CREATED_AT.ge(utc(f.createdFrom())));
        }
        if (f.createdTo() != null) {
            where.add(LEAD.CREATED_AT.lt(utc(f.createdTo())));
        }
        for (Criterion c : f.criteria()) {
            where.add(CriterionConditions.of("Lead", LEAD, c, now));
        }
        if (after != null) {
            where.add(LEAD.CREATED_AT.lt(after.createdAt())
                    .or(LEAD.CREATED_AT.eq(after.createdAt()).and(LEAD.ID.lt(after.id()))));
        }
        return DSL.and(where);
    }

    private static List<Field<?>> columns(List<CustomField> custom) {
        List<Field<?>> columns = new ArrayList<>(List.of(LEAD.ID, LEAD.FIRST_NAME, LEAD.LAST_NAME, LEAD.ACCOUNT_NAME,
                LEAD.TITLE, LEAD.ADDRESS_CITY, LEAD.STATUS, LEAD.SOURCE, LEAD.C_TAGS, LEAD.ASSIGNED_USER_ID,
                LEAD.CREATED_AT, LEAD.MODIFIED_AT));
        custom.forEach(f -> columns.add(CustomFieldColumns.of(f)));
        return columns;
    }

    private Raw raw(Record r, List<CustomField> custom) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (CustomField f : custom) {
            values.put(f.name(), CustomFieldColumns.value(f, r.get(CustomFieldColumns.of(f))));
        }
        return new Raw(r.get(LEAD.ID), r.get(LEAD.FIRST_NAME), r.get(LEAD.LAST_NAME), r.get(LEAD.ACCOUNT_NAME),
                r.get(LEAD.TITLE), r.get(LEAD.ADDRESS_CITY), r.get(LEAD.STATUS), r.get(LEAD.SOURCE),
                tags(r.get(LEAD.C_TAGS)), r.get(LEAD.ASSIGNED_USER_ID), instant(r.get(LEAD.CREATED_AT)),
                instant(r.get(LEAD.MODIFIED_AT)), values);
    }

    private static Set<String> tags(String json) {
        if (json == null || json.isBlank()) {
            return Set.of();
        }
        try {
            return new LinkedHashSet<>(JSON.readValue(json, STRINGS));
        } catch (RuntimeException e) {
            return Set.of();
        }
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** Keyset position: the last row of the previous page. */
    record Cursor(LocalDateTime createdAt, String id) {

        String encode() {
            return createdAt + "|" + id;
        }

        static Cursor decode(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            int bar = value.indexOf('|');
            try {
                return new Cursor(LocalDateTime.parse(value.substring(0, bar)), value.substring(bar + 1));
            } catch (RuntimeException e) {
                throw new LocalizedException(Message.of("ranking.cursor.invalid"));
            }
        }
    }

}
