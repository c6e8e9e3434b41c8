package fr.macrea.max.action;

import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.StoredMessage;

import fr.macrea.max.crm.RecordWrite;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** JSON of stored params, results and write images (Jackson 3; records are supported as they are). */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().findAndAddModules().build();

    private Json() {
    }

    static String write(Object value) {
        return value == null ? null : MAPPER.writeValueAsString(value);
    }

    static <T> T read(String json, Class<T> type) {
        return json == null ? null : MAPPER.readValue(json, type);
    }

    /** A JSON-friendly prefill (e.g. a suggestion's map) as the action's parameter type, the way drafts read them. */
    static <T> T convert(Object value, Class<T> type) {
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        return MAPPER.convertValue(value, type);
    }

    /** A user-facing message as stored in the action log and the drafts (see {@link StoredMessage}). */
    static String writeMessage(Message message, int maxLength) {
        return StoredMessage.write(message, maxLength);
    }

    static Message readMessage(String stored) {
        return StoredMessage.read(stored, "action.text");
    }

    static List<RecordWrite> writes(String json) {
        return json == null ? List.of() : MAPPER.readValue(json, new TypeReference<List<RecordWrite>>() { });
    }

    /**
     * A comparable text form of an attribute value: numbers as written in JSON, collections sorted (a tag set read
     * back may come in another order), so "changed since" means changed, not re-ordered or re-typed.
     */
    static String canonical(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(Json::canonical).sorted().toList().toString();
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, String> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted.toString();
        }
        Object normalised = MAPPER.readValue(MAPPER.writeValueAsString(value), Object.class);
        return String.valueOf(normalised);
    }
}
