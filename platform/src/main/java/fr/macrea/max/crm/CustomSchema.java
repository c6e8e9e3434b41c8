package fr.macrea.max.crm;

import org.jooq.Field;

import java.util.List;
import java.util.Map;

/**
 * The custom columns of one entity table as the CRM stores use them, by column name: the typed field, its EspoCRM
 * type and, for enum / multiEnum fields, the allowed values.
 */
record CustomSchema(Map<String, Field<?>> fields, Map<String, String> types, Map<String, List<String>> options) {

    static final CustomSchema NONE = new CustomSchema(Map.of(), Map.of(), Map.of());

    Field<?> field(String attribute) {
        String snake = CrmSchema.snake(attribute);
        Field<?> f = fields.get(snake);
        return f != null ? f : fields.get("c_" + snake);
    }

    /** The table's generated columns and these custom ones: what a select of whole records reads. */
    List<Field<?>> withColumnsOf(org.jooq.Table<?> table) {
        List<Field<?>> all = new java.util.ArrayList<>(List.of(table.fields()));
        all.addAll(fields.values());
        return all;
    }

    /** A record read with these columns, its multiEnum values turned from their JSON text into lists. */
    Map<String, Object> normalise(Map<String, Object> attributes) {
        types.forEach((column, type) -> {
            if (type.equals("multiEnum")) {
                String attribute = CrmSchema.camel(column);
                if (attributes.containsKey(attribute)) {
                    attributes.put(attribute, list(attributes.get(attribute)));
                }
            }
        });
        return attributes;
    }

    static List<String> list(Object raw) {
        if (raw == null || raw.toString().isBlank()) {
            return List.of();
        }
        if (raw instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        try {
            return CrmJson.readList(raw.toString()).stream().map(String::valueOf).toList();
        } catch (RuntimeException e) {
            return List.of(raw.toString());
        }
    }

    boolean multiEnum(Field<?> f) {
        return "multiEnum".equals(types.get(f.getName()));
    }
}
