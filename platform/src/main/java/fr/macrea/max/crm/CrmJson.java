package fr.macrea.max.crm;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/** JSON in EspoCRM's shapes (multiEnum columns, API bodies, webhook batches). */
final class CrmJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<Object>> LIST = new TypeReference<>() {
    };

    private CrmJson() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static Map<String, Object> readMap(String json) {
        return MAPPER.readValue(json, MAP);
    }

    static List<Object> readList(String json) {
        return MAPPER.readValue(json, LIST);
    }
}
