package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static fr.macrea.max.db.crm.Tables.ARRAY_VALUE;
import static fr.macrea.max.db.crm.Tables.CALL;
import static fr.macrea.max.db.crm.Tables.CALL_CONTACT;
import static fr.macrea.max.db.crm.Tables.CALL_LEAD;
import static fr.macrea.max.db.crm.Tables.CAMPAIGN;
import static fr.macrea.max.db.crm.Tables.CAMPAIGN_LOG_RECORD;
import static fr.macrea.max.db.crm.Tables.EMAIL;
import static fr.macrea.max.db.crm.Tables.EMAIL_TEMPLATE;
import static fr.macrea.max.db.crm.Tables.EMAIL_TEMPLATE_CATEGORY;
import static fr.macrea.max.db.crm.Tables.MEETING;
import static fr.macrea.max.db.crm.Tables.MEETING_CONTACT;
import static fr.macrea.max.db.crm.Tables.MEETING_LEAD;
import static fr.macrea.max.db.crm.Tables.NOTE;
import static fr.macrea.max.db.crm.Tables.TASK;

/**
 * Reads of the tenant CRM schema (the CRM itself, or EspoCRM's replica): searches with keyset pagination, timelines,
 * templates, campaigns. Free text is {@link SearchTextStore#matches}: the same answer on H2 and MariaDB.
 */
@Repository
class CrmReader {

    private final CrmStore store;

    CrmReader(CrmStore store) {
        this.store = store;
    }

    CrmPage<Map<String, Object>> search(String entityType, CrmQuery q) {
        if (!entityType.equals("Lead") && !entityType.equals("Contact")) {
            throw new CrmValidationException(Message.of("crm.search.persons-only"));
        }
        Table<?> t = CrmSchema.table(entityType);
        Field<String> id = CrmSchema.id(t);
        Field<LocalDateTime> createdAt = CrmSchema.field(t, "created_at");
        List<Condition> where = filters(entityType, t, q);
        if (q.after() != null) {
            Cursor c = Cursor.decode(q.after());
            where.add(DSL.row(createdAt, id).lt(c.createdAt(), c.id()));
        }
        CustomSchema custom = store.custom(entityType);
        List<Map<String, Object>> rows = new ArrayList<>(store.toAttributes(entityType, store.dsl().select(custom.withColumnsOf(t))
                .from(t).where(where).orderBy(createdAt.desc(), id.desc()).limit(q.limit() + 1).fetch()));
        rows.forEach(custom::normalise);
        Optional<String> next = Optional.empty();
        if (rows.size() > q.limit()) {
            rows = rows.subList(0, q.limit());
            Map<String, Object> last = rows.getLast();
            next = Optional.of(new Cursor(CrmStore.parseDateTime(last.get("createdAt")), (String) last.get("id")).encode());
        }
        return new CrmPage<>(rows, next);
    }

    /**
     * Every record matching the query's filters (its cursor and limit aside), page by page in id order: a keyset
     * on the primary key, so each page is an index range, where the newest-first order of {@link #search} sorts
     * the whole match again for every page (a whole audience of 50 000 read in pages of 200 cost 250 sorts).
     */
    void scan(String entityType, CrmQuery q, int pageSize, java.util.function.Consumer<List<Map<String, Object>>> pages) {
        if (!entityType.equals("Lead") && !entityType.equals("Contact")) {
            throw new CrmValidationException(Message.of("crm.search.persons-only"));
        }
        Table<?> t = CrmSchema.table(entityType);
        Field<String> id = CrmSchema.id(t);
        CustomSchema custom = store.custom(entityType);
        String after = null;
        while (true) {
            List<Condition> where = filters(entityType, t, q);
            if (after != null) {
                where.add(id.gt(after));
            }
            List<Map<String, Object>> rows = store.toAttributes(entityType, store.dsl().select(custom.withColumnsOf(t))
                    .from(t).where(where).orderBy(id).limit(pageSize).fetch());
            rows.forEach(custom::normalise);
            if (rows.isEmpty()) {
                return;
            }
            pages.accept(rows);
            if (rows.size() < pageSize) {
                return;
            }
            after = (String) rows.getLast().get("id");
        }
    }

    private List<Condition> filters(String entityType, Table<?> t, CrmQuery q) {
        Field<String> id = CrmSchema.id(t);
        Field<LocalDateTime> createdAt = CrmSchema.field(t, "created_at");
        List<Condition> where = new ArrayList<>();
        where.add(CrmSchema.deleted(t).eq((byte) 0));
        if (!q.statuses().isEmpty()) {
            where.add(CrmSchema.<String>field(t, "status").in(q.statuses()));
        }
        if (!q.sources().isEmpty()) {
            Field<?> source = t.field("source");
            where.add(source == null ? DSL.falseCondition() : CrmSchema.<String>field(t, "source").in(q.sources()));
        }
        if (!q.anyTags().isEmpty()) {
            where.add(id.in(DSL.select(ARRAY_VALUE.ENTITY_ID).from(ARRAY_VALUE).where(
                    ARRAY_VALUE.ENTITY_TYPE.eq(entityType), ARRAY_VALUE.ATTRIBUTE.eq(CrmStore.TAGS),
                    ARRAY_VALUE.VALUE.in(q.anyTags()), ARRAY_VALUE.DELETED.eq((byte) 0))));
        }
        if (q.createdFrom() != null) {
            where.add(createdAt.ge(utc(q.createdFrom())));
        }
        if (q.createdTo() != null) {
            where.add(createdAt.lt(utc(q.createdTo())));
        }
        if (q.modifiedFrom() != null) {
            where.add(CrmSchema.<LocalDateTime>field(t, "modified_at").ge(utc(q.modifiedFrom())));
        }
        if (q.assignedUserId() != null) {
            where.add(CrmSchema.<String>field(t, "assigned_user_id").eq(q.assignedUserId()));
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.add(SearchTextStore.matches(t, q.text()));
        }
        return where;
    }

    record Cursor(LocalDateTime createdAt, String id) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (CrmStore.ESPO_DATETIME.format(createdAt) + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String s) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8).split("\\|", 2);
                return new Cursor(CrmStore.parseDateTime(parts[0]), CrmIds.require(parts[1]));
            } catch (RuntimeException e) {
                throw new CrmValidationException(Message.of("crm.cursor.invalid"));
            }
        }
    }

    List<TimelineEntry> timeline(EntityRef ref, int limit) {
        CrmIds.require(ref.id());
        int n = Math.max(1, Math.min(limit, 200));
        DSLContext d = store.dsl();
        String type = ref.entityType();
        String id = ref.id();
        List<TimelineEntry> all = new ArrayList<>();
        d.selectFrom(NOTE).where(NOTE.PARENT_TYPE.eq(type), NOTE.PARENT_ID.eq(id), NOTE.DELETED.eq((byte) 0))
                .orderBy(NOTE.CREATED_AT.desc(), NOTE.NUMBER.desc()).limit(n).fetch()
                .forEach(r -> all.add(new TimelineEntry("Note", r.getId(), r.getType(), r.getType(), r.getPost(), at(r.getCreatedAt()))));
        d.selectFrom(TASK).where(TASK.PARENT_TYPE.eq(type), TASK.PARENT_ID.eq(id), TASK.DELETED.eq((byte) 0))
                .orderBy(TASK.CREATED_AT.desc()).limit(n).fetch()
                .forEach(r -> all.add(new TimelineEntry("Task", r.getId(), r.getName(), r.getStatus(), r.getDescription(), at(r.getCreatedAt()))));
        Condition callLinked = type.equals("Lead") ? CALL.ID.in(DSL.select(CALL_LEAD.CALL_ID).from(CALL_LEAD).where(CALL_LEAD.LEAD_ID.eq(id), CALL_LEAD.DELETED.eq((byte) 0)))
                : type.equals("Contact") ? CALL.ID.in(DSL.select(CALL_CONTACT.CALL_ID).from(CALL_CONTACT).where(CALL_CONTACT.CONTACT_ID.eq(id), CALL_CONTACT.DELETED.eq((byte) 0)))
                : DSL.falseCondition();
        // parent and link-table matches are two indexed queries: an OR between them would scan the whole table
        Set<String> calls = new HashSet<>();
        for (Condition match : List.of(CALL.PARENT_ID.eq(id).and(CALL.PARENT_TYPE.eq(type)), callLinked)) {
            d.selectFrom(CALL).where(CALL.DELETED.eq((byte) 0)).and(match).orderBy(CALL.DATE_START.desc()).limit(n).fetch()
                    .forEach(r -> {
                        if (calls.add(r.getId())) {
                            all.add(new TimelineEntry("Call", r.getId(), r.getName(), r.getStatus(), r.getDescription(),
                                    at(r.getDateStart() != null ? r.getDateStart() : r.getCreatedAt())));
                        }
                    });
        }
        Condition meetingLinked = type.equals("Lead") ? MEETING.ID.in(DSL.select(MEETING_LEAD.MEETING_ID).from(MEETING_LEAD).where(MEETING_LEAD.LEAD_ID.eq(id), MEETING_LEAD.DELETED.eq((byte) 0)))
                : type.equals("Contact") ? MEETING.ID.in(DSL.select(MEETING_CONTACT.MEETING_ID).from(MEETING_CONTACT).where(MEETING_CONTACT.CONTACT_ID.eq(id), MEETING_CONTACT.DELETED.eq((byte) 0)))
                : DSL.falseCondition();
        Set<String> meetings = new HashSet<>();
        for (Condition match : List.of(MEETING.PARENT_ID.eq(id).and(MEETING.PARENT_TYPE.eq(type)), meetingLinked)) {
            d.selectFrom(MEETING).where(MEETING.DELETED.eq((byte) 0)).and(match).orderBy(MEETING.DATE_START.desc()).limit(n).fetch()
                    .forEach(r -> {
                        if (meetings.add(r.getId())) {
                            all.add(new TimelineEntry("Meeting", r.getId(), r.getName(), r.getStatus(), r.getDescription(),
                                    at(r.getDateStart() != null ? r.getDateStart() : r.getCreatedAt())));
                        }
                    });
        }
        d.selectFrom(EMAIL).where(EMAIL.PARENT_TYPE.eq(type), EMAIL.PARENT_ID.eq(id), EMAIL.DELETED.eq((byte) 0))
                .orderBy(EMAIL.DATE_SENT.desc()).limit(n).fetch()
                .forEach(r -> all.add(new TimelineEntry("Email", r.getId(), r.getName(), r.getStatus(), r.getBodyPlain(),
                        at(r.getDateSent() != null ? r.getDateSent() : r.getCreatedAt()))));
        d.select(CAMPAIGN_LOG_RECORD.ID, CAMPAIGN_LOG_RECORD.ACTION, CAMPAIGN_LOG_RECORD.ACTION_DATE, CAMPAIGN_LOG_RECORD.STRING_DATA, CAMPAIGN.NAME)
                .from(CAMPAIGN_LOG_RECORD).leftJoin(CAMPAIGN).on(CAMPAIGN.ID.eq(CAMPAIGN_LOG_RECORD.CAMPAIGN_ID))
                .where(CAMPAIGN_LOG_RECORD.PARENT_TYPE.eq(type), CAMPAIGN_LOG_RECORD.PARENT_ID.eq(id), CAMPAIGN_LOG_RECORD.DELETED.eq((byte) 0))
                .orderBy(CAMPAIGN_LOG_RECORD.ACTION_DATE.desc()).limit(n).fetch()
                .forEach(r -> all.add(new TimelineEntry("CampaignLogRecord", r.get(CAMPAIGN_LOG_RECORD.ID), r.get(CAMPAIGN.NAME),
                        r.get(CAMPAIGN_LOG_RECORD.ACTION), r.get(CAMPAIGN_LOG_RECORD.STRING_DATA), at(r.get(CAMPAIGN_LOG_RECORD.ACTION_DATE)))));
        all.sort(Comparator.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }

    List<EmailTemplate> emailTemplates() {
        return store.dsl().select(EMAIL_TEMPLATE.ID, EMAIL_TEMPLATE.NAME, EMAIL_TEMPLATE.SUBJECT, EMAIL_TEMPLATE.BODY,
                        EMAIL_TEMPLATE.IS_HTML, EMAIL_TEMPLATE.CATEGORY_ID, EMAIL_TEMPLATE_CATEGORY.NAME)
                .from(EMAIL_TEMPLATE).leftJoin(EMAIL_TEMPLATE_CATEGORY).on(EMAIL_TEMPLATE_CATEGORY.ID.eq(EMAIL_TEMPLATE.CATEGORY_ID))
                .where(EMAIL_TEMPLATE.DELETED.eq((byte) 0)).orderBy(EMAIL_TEMPLATE.NAME).fetch()
                .map(r -> new EmailTemplate(r.value1(), r.value2(), r.value3(), r.value4(), r.value5() == 1, r.value6(), r.value7()));
    }

    Optional<String> emailTemplateCategoryId(String name) {
        return store.dsl().select(EMAIL_TEMPLATE_CATEGORY.ID).from(EMAIL_TEMPLATE_CATEGORY)
                .where(EMAIL_TEMPLATE_CATEGORY.NAME.eq(name), EMAIL_TEMPLATE_CATEGORY.DELETED.eq((byte) 0))
                .orderBy(EMAIL_TEMPLATE_CATEGORY.CREATED_AT, EMAIL_TEMPLATE_CATEGORY.ID).limit(1).fetchOptional(EMAIL_TEMPLATE_CATEGORY.ID);
    }

    List<Campaign> campaigns() {
        return store.dsl().selectFrom(CAMPAIGN).where(CAMPAIGN.DELETED.eq((byte) 0)).orderBy(CAMPAIGN.CREATED_AT.desc()).fetch()
                .map(r -> new Campaign(r.getId(), r.getName(), r.getStatus(), r.getType(), r.getStartDate(), r.getEndDate(),
                        r.getDescription()));
    }

    List<CampaignLogEntry> campaignLog(String campaignId, int limit) {
        CrmIds.require(campaignId);
        return store.dsl().selectFrom(CAMPAIGN_LOG_RECORD)
                .where(CAMPAIGN_LOG_RECORD.CAMPAIGN_ID.eq(campaignId), CAMPAIGN_LOG_RECORD.DELETED.eq((byte) 0))
                .orderBy(CAMPAIGN_LOG_RECORD.ACTION_DATE.desc(), CAMPAIGN_LOG_RECORD.ID.desc())
                .limit(Math.max(1, Math.min(limit, 1000))).fetch()
                .map(r -> new CampaignLogEntry(r.getId(), r.getCampaignId(), r.getAction(),
                        r.getParentId() == null ? null : new EntityRef(r.getParentType(), r.getParentId()),
                        at(r.getActionDate()), r.getStringData()));
    }

    static Set<String> tagsOf(Map<String, Object> attributes) {
        Object v = attributes.get(CrmStore.TAGS);
        Set<String> tags = new HashSet<>();
        if (v instanceof List<?> l) {
            l.forEach(o -> tags.add(o.toString()));
        }
        return tags;
    }

    static Instant at(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    static LocalDateTime utc(Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
