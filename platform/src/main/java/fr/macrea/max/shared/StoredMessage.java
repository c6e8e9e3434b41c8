package fr.macrea.max.shared;

import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Message} stored in a text column (action-log reasons, drafts, wallet ledger): its key and arguments as
 * JSON, so the UI renders it in the reader's language later. Rows written before messages were keys hold plain
 * text; they read back as that text under a pass-through key. The same {@code {key, args}} form is what events
 * carry among their JSON details ({@link #asMap}, {@link #fromMap}).
 */
public final class StoredMessage {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private StoredMessage() {
    }

    /** The JSON form, at most {@code maxLength} characters: long text arguments are clipped so the JSON stays whole. */
    public static String write(Message message, int maxLength) {
        if (message == null) {
            return null;
        }
        for (int clip = 400; ; clip /= 2) {
            String json = MAPPER.writeValueAsString(encode(message, clip));
            if (json.length() <= maxLength) {
                return json;
            }
            if (clip < 8) {
                return MAPPER.writeValueAsString(encode(Message.of(message.key()), clip));
            }
        }
    }

    /** The stored message; plain text (an older row) comes back as {@code textKey} with the text as argument. */
    public static Message read(String stored, String textKey) {
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
        return Message.of(textKey, stored);
    }

    /** The {@code {key, args}} map form, as kept inside a JSON document (an event's details): nothing clipped. */
    public static Map<String, Object> asMap(Message message) {
        return encode(message, Integer.MAX_VALUE);
    }

    /** The message of a value in {@link #asMap}'s form, or null when it is not one. */
    public static Message fromMap(Object value) {
        if (!(value instanceof Map<?, ?> map) || !(map.get("key") instanceof String key) || key.isBlank()) {
            return null;
        }
        return decode(map);
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
}
