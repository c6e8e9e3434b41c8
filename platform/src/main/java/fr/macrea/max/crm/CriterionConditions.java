package fr.macrea.max.crm;

import fr.macrea.max.plugins.api.Criterion;
import fr.macrea.max.shared.Message;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static fr.macrea.max.db.crm.Tables.ARRAY_VALUE;

/**
 * The one translation of a declarative {@link Criterion} (a brain's KPI filter, a saved view, a CRM tab filter on a
 * custom field) into a jOOQ condition on a tenant CRM table: a brain or a user never supplies SQL. EspoCRM camelCase
 * names map to snake_case columns (custom fields such as {@code cStatutColis} to {@code c_statut_colis}), checked
 * against a strict pattern and rendered as quoted names; values are bind variables; {@code HAS} reads EspoCRM's
 * {@code array_value} rows, as its {@code arrayAnyOf} filter does.
 */
public final class CriterionConditions {

    private static final Pattern FIELD = Pattern.compile("[a-z][A-Za-z0-9]{0,62}");

    private CriterionConditions() {
    }

    /** The snake_case column of an attribute; refuses anything but a plain camelCase name. */
    public static String column(String field) {
        if (field == null || !FIELD.matcher(field).matches()) {
            throw new CrmValidationException(Message.of("crm.criterion.field.invalid", String.valueOf(field)));
        }
        return field.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    /** A column of the table: the generated field when known (typed), else a quoted name (custom fields). */
    public static Field<Object> field(Table<?> table, String field) {
        String column = column(field);
        Field<?> known = table.field(column);
        @SuppressWarnings("unchecked")
        Field<Object> out = (Field<Object>) (known != null ? known : DSL.field(DSL.name(column)));
        return out;
    }

    public static Condition of(String entity, Table<?> table, Criterion c, Instant now) {
        String value = c.value();
        Field<Object> f = c.operator() == Criterion.Operator.HAS ? null : field(table, c.field());
        return switch (c.operator()) {
            case EQUALS -> f.eq(value);
            case NOT_EQUALS -> f.ne(value).or(f.isNull());
            case IN -> f.in(list(value));
            case NOT_IN -> f.notIn(list(value)).or(f.isNull());
            case GREATER_THAN -> f.gt(number(value));
            case LESS_THAN -> f.lt(number(value));
            case IS_EMPTY -> f.isNull().or(asText(f).eq(""));
            case IS_NOT_EMPTY -> f.isNotNull().and(asText(f).ne(""));
            case HAS -> DSL.field(DSL.name("id"), String.class).in(DSL.select(ARRAY_VALUE.ENTITY_ID).from(ARRAY_VALUE)
                    .where(ARRAY_VALUE.ENTITY_TYPE.eq(entity), ARRAY_VALUE.ATTRIBUTE.eq(checked(c.field())),
                            ARRAY_VALUE.VALUE.eq(value), ARRAY_VALUE.DELETED.eq((byte) 0)));
            case OLDER_THAN_DAYS -> f.lt(utc(now.minusSeconds(86_400L * days(value))));
            case WITHIN_DAYS -> f.between(utc(now.minusSeconds(86_400L * days(value))),
                    utc(now.plusSeconds(86_400L * days(value))));
        };
    }

    /**
     * The value compared with "" as text: a custom column's type is unknown here, and H2 (unlike MariaDB) refuses to
     * compare a number or a date with a string; a typed non-text column has no empty string at all.
     */
    private static Field<String> asText(Field<Object> f) {
        Class<?> type = f.getType();
        if (type == String.class) {
            return f.coerce(String.class);
        }
        return type == Object.class ? f.cast(String.class) : DSL.inline("x");
    }

    private static String checked(String field) {
        column(field);
        return field;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Object number(String value) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static long days(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new CrmValidationException(Message.of("crm.criterion.days.invalid", String.valueOf(value)));
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
