package fr.macrea.max.kpi;

import fr.macrea.max.shared.Message;
import fr.macrea.max.crm.CriterionConditions;
import fr.macrea.max.crm.CrmValidationException;

import fr.macrea.max.plugins.api.Criterion;
import fr.macrea.max.plugins.api.KpiDefinition;
import fr.macrea.max.plugins.api.LeadSegments;
import fr.macrea.max.ranking.LeadSegment;
import fr.macrea.max.reporting.CampaignActivity;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.macrea.max.db.crm.Tables.ACCOUNT;
import static fr.macrea.max.db.crm.Tables.CALL;
import static fr.macrea.max.db.crm.Tables.CAMPAIGN;
import static fr.macrea.max.db.crm.Tables.CAMPAIGN_LOG_RECORD;
import static fr.macrea.max.db.crm.Tables.CONTACT;
import static fr.macrea.max.db.crm.Tables.EMAIL;
import static fr.macrea.max.db.crm.Tables.LEAD;
import static fr.macrea.max.db.crm.Tables.MEETING;
import static fr.macrea.max.db.crm.Tables.NOTE;
import static fr.macrea.max.db.crm.Tables.TASK;

/**
 * Turns a brain's declarative {@link Criterion}s into jOOQ conditions on the tenant's CRM tables: a brain never
 * supplies SQL. Entity types map to the generated tables; EspoCRM camelCase field names map to snake_case columns
 * (custom fields such as {@code cStatutColis} to {@code c_statut_colis}), checked against a strict pattern and
 * always rendered as quoted names; values are bind variables.
 */
final class CrmCriteria {

    private static final Map<String, Table<?>> TABLES = Map.of("Lead", LEAD, "Contact", CONTACT, "Account", ACCOUNT,
            "Campaign", CAMPAIGN, "CampaignLogRecord", CAMPAIGN_LOG_RECORD, "Email", EMAIL, "Call", CALL,
            "Meeting", MEETING, "Task", TASK, "Note", NOTE);

    private CrmCriteria() {
    }

    static Table<?> table(String entity) {
        Table<?> table = TABLES.get(entity);
        if (table == null) {
            throw new KpiException(Message.of("kpi.entity.unsupported", String.valueOf(entity)));
        }
        return table;
    }

    /** A column of the table (see {@link CriterionConditions#field}). */
    static Field<Object> field(Table<?> table, String field) {
        try {
            return CriterionConditions.field(table, field);
        } catch (CrmValidationException e) {
            throw new KpiException(e.message());
        }
    }

    /** A platform segment ({@link LeadSegments}): the one definition the CRM filter and the tiles use. */
    private static Condition segment(Criterion c, Instant now) {
        LeadSegment segment;
        try {
            segment = LeadSegment.valueOf(c.value().strip());
        } catch (IllegalArgumentException e) {
            throw new KpiException(Message.of("kpi.segment.invalid", c.value()));
        }
        if (c.operator() != Criterion.Operator.EQUALS) {
            throw new KpiException(Message.of("kpi.segment.invalid", c.operator() + " " + c.value()));
        }
        return segment.condition(now);
    }

    static Condition notDeleted(Table<?> table) {
        return DSL.field(DSL.name("deleted"), Byte.class).eq((byte) 0);
    }

    static Condition all(String entity, Table<?> table, List<Criterion> criteria, Instant now) {
        List<Condition> out = new ArrayList<>();
        // campaign log records count as the Reporting tiles count them (test sends left out)
        out.add(table == CAMPAIGN_LOG_RECORD ? CampaignActivity.counted() : notDeleted(table));
        for (Criterion c : criteria) {
            out.add(condition(entity, table, c, now));
        }
        return DSL.and(out);
    }

    static Condition condition(String entity, Table<?> table, Criterion c, Instant now) {
        String value = c.value();
        if ("Lead".equals(entity) && LeadSegments.FIELD.equals(c.field())) {
            return segment(c, now);
        }
        try {
            return CriterionConditions.of(entity, table, c, now);
        } catch (CrmValidationException e) {
            throw new KpiException(e.message());
        }
    }

    /**
     * The KPI's time window {@code [start, now)}, on {@code createdAt}; on the action date for campaign log records,
     * the date the Reporting tiles count them by ({@link CampaignActivity#date}), so "last 30 days" is the tiles'
     * 30-day period.
     */
    static Condition period(Table<?> table, KpiDefinition.Period period, Instant now) {
        @SuppressWarnings("unchecked")
        Field<Object> date = table == CAMPAIGN_LOG_RECORD ? (Field<Object>) (Field<?>) CampaignActivity.date()
                : field(table, "createdAt");
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDateTime start = switch (period) {
            case LAST_7_DAYS -> utc(now.minusSeconds(7L * 86_400));
            case LAST_30_DAYS -> utc(now.minusSeconds(30L * 86_400));
            case CURRENT_MONTH -> today.withDayOfMonth(1).atStartOfDay();
            case CURRENT_QUARTER -> today.withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1)
                    .withDayOfMonth(1).atStartOfDay();
            case ALL_TIME -> null;
        };
        return start == null ? DSL.noCondition() : date.ge(start).and(date.lt(utc(now)));
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
