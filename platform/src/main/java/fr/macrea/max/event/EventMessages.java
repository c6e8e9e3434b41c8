package fr.macrea.max.event;

import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.StoredMessage;

import java.util.LinkedHashMap;
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
            out.put(DATA_KEY, StoredMessage.asMap(message));
        }
        return out;
    }

    /** The message of {@code value} as {@link #withMessage} stored it, or null when it is not one. */
    static Message read(Object value) {
        return StoredMessage.fromMap(value);
    }
}
