package fr.macrea.max.kpi;

import fr.macrea.max.shared.Message;

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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static fr.macrea.max.db.crm.Tables.ACCOUNT;
import static fr.macrea.max.db.crm.Tables.ARRAY_VALUE;
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
    private static final Pattern FIELD = Pattern.compile("[a-z][A-Za-z0-9]{0,62}");

    private CrmCriteria() {
    }

    static Table<?> table(String entity) {
        Table<?> table = TABLES.get(entity);
        if (table == null) {
            throw new KpiException(Message.of("kpi.entity.unsupported", String.valueOf(entity)));
        }
        return table;
    }

    static String column(String field) {
        if (field == null || !FIELD.matcher(field).matches()) {
            throw new KpiException(Message.of("kpi.field.invalid", String.valueOf(field)));
        }
        return field.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    /** A column of the table: the generated field when known (typed), else a quoted name (custom fields). */
    static Field<Object> field(Table<?> table, String field) {
        String column = column(field);
        Field<?> known = table.field(column);
        @SuppressWarnings("unchecked")
        Field<Object> out = (Field<Object>) (known != null ? known : DSL.field(DSL.name(column)));
        return out;
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
        return switch (c.operator()) {
            case EQUALS -> field(table, c.field()).eq(value);
            case NOT_EQUALS -> field(table, c.field()).ne(value).or(field(table, c.field()).isNull());
            case IN -> field(table, c.field()).in(list(value));
            case NOT_IN -> field(table, c.field()).notIn(list(value)).or(field(table, c.field()).isNull());
            case GREATER_THAN -> field(table, c.field()).gt(number(value));
            case LESS_THAN -> field(table, c.field()).lt(number(value));
            case IS_EMPTY -> field(table, c.field()).isNull().or(field(table, c.field()).eq(""));
            case IS_NOT_EMPTY -> field(table, c.field()).isNotNull().and(field(table, c.field()).ne(""));
            case HAS -> DSL.field(DSL.name("id"), String.class).in(DSL.select(ARRAY_VALUE.ENTITY_ID).from(ARRAY_VALUE)
                    .where(ARRAY_VALUE.ENTITY_TYPE.eq(entity), ARRAY_VALUE.ATTRIBUTE.eq(c.field()),
                            ARRAY_VALUE.VALUE.eq(value), ARRAY_VALUE.DELETED.eq((byte) 0)));
            case OLDER_THAN_DAYS -> field(table, c.field()).lt(utc(now.minusSeconds(86_400L * days(value))));
            case WITHIN_DAYS -> field(table, c.field()).between(utc(now.minusSeconds(86_400L * days(value))),
                    utc(now.plusSeconds(86_400L * days(value))));
        };
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

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Object number(String value) {
        try {
            return new java.math.BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static long days(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new KpiException(Message.of("kpi.days.invalid", String.valueOf(value)));
        }
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
