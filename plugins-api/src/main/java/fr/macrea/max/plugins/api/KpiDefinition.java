package fr.macrea.max.plugins.api;

import java.util.List;
import java.util.Objects;

/**
 * A declarative KPI that the platform evaluates on the tenant's CRM schema (a brain never supplies SQL).
 * <ul>
 *   <li>{@link Measure#COUNT}: records of {@code entity} matching {@code filters} in the period;</li>
 *   <li>{@link Measure#RATIO}: among those, the share (percent) also matching {@code numerator};</li>
 *   <li>{@link Measure#RATE}: the records matching {@code numerator} per hundred records matching {@code filters},
 *       both counted among the entity's records of the period, a numerator record need not match {@code filters}:
 *       for event logs such as {@code CampaignLogRecord}, where "Opened" and "Sent" are separate records (an open
 *       rate is opened / sent, which a {@code RATIO} would count as 0);</li>
 *   <li>{@link Measure#AVERAGE}: the mean of numeric {@code field};</li>
 *   <li>{@link Measure#AVERAGE_DAYS_BETWEEN}: the mean number of days from date {@code field} to date
 *       {@code untilField}.</li>
 * </ul>
 *
 * <p>
 * Brains create it with the factories ({@link #count}, {@link #ratio}, {@link #average},
 * {@link #averageDaysBetween}) and the {@code with...} / {@link #groupedBy} copies; the canonical constructor is not
 * part of the brain-facing contract (it gains a parameter whenever a component is added in a minor release).
 *
 * @param id stable identifier, unique within the brain
 * @param entity EspoCRM entity type counted, e.g. {@code Lead}, {@code CampaignLogRecord}
 * @param field for AVERAGE / AVERAGE_DAYS_BETWEEN, else empty
 * @param untilField for AVERAGE_DAYS_BETWEEN, else empty
 * @param filters conditions every counted record meets
 * @param numerator the extra conditions of the ratio's numerator (RATIO only)
 * @param groupBy optional field to break the KPI down by (empty: no grouping)
 * @param period the time window, on {@code createdAt} (on {@code actionDate} for {@code CampaignLogRecord}: when the
 *               e-mail was sent, opened or clicked, as the Reporting tiles count it)
 * @param unit display unit, e.g. {@code %}, {@code j}, empty for a count
 * @since 1.0
 */
public record KpiDefinition(String id, Label label, String entity, Measure measure, String field, String untilField,
                            List<Criterion> filters, List<Criterion> numerator, String groupBy, Period period,
                            String unit) {

    public KpiDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(measure, "measure");
        field = field == null ? "" : field;
        untilField = untilField == null ? "" : untilField;
        filters = List.copyOf(filters);
        numerator = List.copyOf(numerator);
        groupBy = groupBy == null ? "" : groupBy;
        Objects.requireNonNull(period, "period");
        unit = unit == null ? "" : unit;
    }

    public static KpiDefinition count(String id, Label label, String entity, Period period, Criterion... filters) {
        return new KpiDefinition(id, label, entity, Measure.COUNT, "", "", List.of(filters), List.of(), "", period, "");
    }

    public static KpiDefinition ratio(String id, Label label, String entity, Period period, List<Criterion> filters,
                                      List<Criterion> numerator) {
        return new KpiDefinition(id, label, entity, Measure.RATIO, "", "", filters, numerator, "", period, "%");
    }

    /**
     * Records matching {@code numerator} per hundred records matching {@code denominator}, e.g. an open rate: "Opened"
     * log records / "Sent" log records.
     *
     * @since 2.0
     */
    public static KpiDefinition rate(String id, Label label, String entity, Period period, List<Criterion> denominator,
                                     List<Criterion> numerator) {
        return new KpiDefinition(id, label, entity, Measure.RATE, "", "", denominator, numerator, "", period, "%");
    }

    public static KpiDefinition average(String id, Label label, String entity, String field, Period period,
                                        Criterion... filters) {
        return new KpiDefinition(id, label, entity, Measure.AVERAGE, field, "", List.of(filters), List.of(), "", period,
                "");
    }

    public static KpiDefinition averageDaysBetween(String id, Label label, String entity, String from, String until,
                                                   Period period, Criterion... filters) {
        return new KpiDefinition(id, label, entity, Measure.AVERAGE_DAYS_BETWEEN, from, until, List.of(filters),
                List.of(), "", period, "j");
    }

    /** Returns a copy grouped by {@code field}. */
    public KpiDefinition groupedBy(String field) {
        return new KpiDefinition(id, label, entity, measure, this.field, untilField, filters, numerator, field, period,
                unit);
    }

    /** Returns a copy shown with {@code unit} (e.g. {@code visites}, {@code /10}). */
    public KpiDefinition withUnit(String unit) {
        return new KpiDefinition(id, label, entity, measure, field, untilField, filters, numerator, groupBy, period,
                unit);
    }

    /** @since 1.0 */
    public enum Measure { COUNT, RATIO, AVERAGE, AVERAGE_DAYS_BETWEEN, /** @since 2.0 */ RATE }

    /** @since 1.0 */
    public enum Period { LAST_7_DAYS, LAST_30_DAYS, CURRENT_MONTH, CURRENT_QUARTER, ALL_TIME }
}
