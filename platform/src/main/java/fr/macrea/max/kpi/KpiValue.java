package fr.macrea.max.kpi;

import fr.macrea.max.shared.Message;

import java.util.Map;

/**
 * One evaluated brain KPI. {@code value} is null and {@code problem} says why when the definition could not
 * be evaluated on this tenant (e.g. a custom field the tenant does not have yet).
 *
 * @param groups the value per group when the KPI is grouped, else empty
 */
public record KpiValue(String key, String brainName, String label, Double value, String unit,
                       Map<String, Double> groups, Message problem) {

    public KpiValue {
        groups = groups == null ? Map.of() : Map.copyOf(groups);
    }

    public boolean available() {
        return problem == null;
    }
}
