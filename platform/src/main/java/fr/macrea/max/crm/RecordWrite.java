package fr.macrea.max.crm;

import java.util.Map;

/**
 * A CRM write with its before and after images, attribute by attribute (EspoCRM attribute names), so that an
 * action can be rolled back or undone.
 */
public record RecordWrite(EntityRef ref, Map<String, Object> before, Map<String, Object> after) {

    public RecordWrite {
        before = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(before));
        after = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(after));
    }
}
