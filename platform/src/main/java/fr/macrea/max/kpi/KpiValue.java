package fr.macrea.max.kpi;

import fr.macrea.max.shared.Message;

import java.util.Map;

/**
 * One evaluated brain KPI. {@code value} is null and {@code problem} says why when the definition could not
 * be evaluated on this tenant (e.g. a custom field the tenant does not have yet).
 *
 * @param groups      the value per group when the KPI is grouped, else empty; a group is the stored value of the
 *                    grouping field ("Existing Customer") or, for a link, the linked record's name
 * @param groupEntity the entity type whose field the KPI groups by ("Lead"), empty when not grouped
 * @param groupField  the grouping field ("source"), empty when not grouped: with the entity, what lets a screen
 *                    show an EspoCRM value with EspoCRM's label ("Client existant")
 */
public record KpiValue(String key, String brainName, String label, Double value, String unit,
                       Map<String, Double> groups, Message problem, String groupEntity, String groupField) {

    public KpiValue {
        groups = groups == null ? Map.of() : Map.copyOf(groups);
        groupEntity = groupEntity == null ? "" : groupEntity;
        groupField = groupField == null ? "" : groupField;
    }

    /** A KPI that is not grouped, or whose groups are names shown as they are. */
    public KpiValue(String key, String brainName, String label, Double value, String unit,
                    Map<String, Double> groups, Message problem) {
        this(key, brainName, label, value, unit, groups, problem, "", "");
    }

    public boolean available() {
        return problem == null;
    }
}
