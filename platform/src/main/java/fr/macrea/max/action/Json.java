package fr.macrea.max.action;

import fr.macrea.max.shared.Message;

import fr.macrea.max.crm.RecordWrite;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.Collection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /**
     * A user-facing message as stored in the action log and the drafts (key and arguments, rendered by the UI in the
     * reader's language). Long text arguments are clipped so that the JSON fits the column whole.
     */
    static String writeMessage(Message message, int maxLength) {
        if (message == null) {
            return null;
        }
        for (int clip = 400; ; clip /= 2) {
            String json = MAPPER.writeValueAsString(encode(message, clip));
            if (json.length() <= maxLength || clip < 8) {
                return json.length() <= maxLength ? json
                        : MAPPER.writeValueAsString(encode(Message.of(message.key()), clip));
            }
        }
    }

    /** A stored message; a row written before messages were keys (plain French text) reads as that text. */
    static Message readMessage(String stored) {
        if (stored == null) {
            return null;
        }
        if (stored.startsWith("{\"key\"")) {
            try {
                return decode(MAPPER.readValue(stored, Map.class));
            } catch (RuntimeException notAMessage) {
                // falls through: shown as it is
            }
        }
        return Message.of("action.text", stored);
    }

    private static Map<String, Object> encode(Message message, int clip) {
        List<Object> args = new ArrayList<>();
        for (Object arg : message.args()) {
            if (arg instanceof Message nested) {
                args.add(encode(nested, clip));
            } else if (arg instanceof Number || arg instanceof Boolean) {
                args.add(arg);
            } else {
                String text = String.valueOf(arg);
                args.add(text.length() <= clip ? text : text.substring(0, clip - 1) + "…");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", message.key());
        out.put("args", args);
        return out;
    }

    private static Message decode(Map<?, ?> map) {
        List<Object> args = new ArrayList<>();
        if (map.get("args") instanceof List<?> list) {
            for (Object arg : list) {
                args.add(arg instanceof Map<?, ?> nested && nested.get("key") instanceof String ? decode(nested) : arg);
            }
        }
        return new Message((String) map.get("key"), args);
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
