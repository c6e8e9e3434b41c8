package fr.macrea.max.event;

import fr.macrea.max.shared.Message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An event's {@link Message} kept among its JSON details ({@code "message": {"key": ..., "args": [...]}}), so that
 * the feed, the push to open UIs and the Redis relay carry it without a schema change, and the UI renders the line
 * in the user's language. Arguments are kept as JSON values; nested messages as nested objects.
 */
final class EventMessages {

    static final String DATA_KEY = "message";

    private EventMessages() {
    }

    static Map<String, Object> withMessage(Map<String, Object> data, Message message) {
        Map<String, Object> out = new LinkedHashMap<>(data == null ? Map.of() : data);
        if (message != null && !out.containsKey(DATA_KEY)) {
            out.put(DATA_KEY, write(message));
        }
        return out;
    }

    static Map<String, Object> write(Message message) {
        List<Object> args = message.args().stream()
                .map(a -> a instanceof Message nested ? write(nested) : a instanceof Number || a instanceof Boolean ? a
                        : String.valueOf(a))
                .toList();
        return Map.of("key", message.key(), "args", args);
    }

    /** The message of {@code value} as {@link #write} wrote it, or null when it is not one. */
    static Message read(Object value) {
        if (!(value instanceof Map<?, ?> map) || !(map.get("key") instanceof String key) || key.isBlank()) {
            return null;
        }
        // Message reads nested {key, args} maps back as messages itself
        return new Message(key, map.get("args") instanceof List<?> list ? new ArrayList<>(list) : List.of());
    }
}
