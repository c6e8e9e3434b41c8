package fr.macrea.max.plugins.api;

import java.util.Objects;

/**
 * One condition on a CRM record's field, evaluated by the platform (never SQL from a brain). Used by KPI filters,
 * scenario conditions, recommended views and suggestion routines.
 *
 * @param field an EspoCRM field name of the entity the definition is about (camelCase, e.g. {@code status},
 *              {@code cStatutColis}, {@code modifiedAt})
 * @param operator how to compare
 * @param value the operand as text: a literal, a comma-separated list for {@link Operator#IN}, a number of days for
 *              {@link Operator#OLDER_THAN_DAYS} / {@link Operator#WITHIN_DAYS}; empty for the emptiness operators
 * @since 1.0
 */
public record Criterion(String field, Operator operator, String value) {

    public Criterion {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        value = value == null ? "" : value;
    }

    public static Criterion of(String field, Operator operator, String value) {
        return new Criterion(field, operator, value);
    }

    /**
     * Comparison operators.
     *
     * @since 1.0
     */
    public enum Operator {
        EQUALS, NOT_EQUALS, IN, NOT_IN, GREATER_THAN, LESS_THAN, IS_EMPTY, IS_NOT_EMPTY,
        /** Contains a value of a multiEnum / array field (tags). */
        HAS,
        /** A date(time) field older than {@code value} days. */
        OLDER_THAN_DAYS,
        /** A date(time) field within the last (or, for future dates, the next) {@code value} days. */
        WITHIN_DAYS
    }
}
