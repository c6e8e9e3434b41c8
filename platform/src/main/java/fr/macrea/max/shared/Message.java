package fr.macrea.max.shared;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A user-facing text as the platform returns it: a message key and its arguments, never a sentence. The UI renders
 * it in the user's language with its i18n bundles ({@code i18n/<feature>.properties}, French, and
 * {@code i18n/<feature>_en.properties}); the platform's own bundles live in {@code platform/src/main/resources/i18n}.
 * Arguments are plain values (numbers, strings, dates) or nested {@code Message}s, rendered first.
 */
public record Message(String key, List<Object> args) implements Serializable {

    public Message {
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("blank message key");
        }
        args = List.copyOf(args.stream().map(Message::argument).toList());
    }

    public static Message of(String key, Object... args) {
        return new Message(key, Arrays.asList(args));
    }

    /**
     * A nested message read back from JSON ({@code {"key": ..., "args": [...]}}, e.g. an action result from the action
     * log) becomes a message again, so that it is rendered rather than shown as a map.
     */
    private static Object argument(Object arg) {
        if (arg == null) {
            return "";
        }
        if (arg instanceof Map<?, ?> map && map.size() == 2 && map.get("key") instanceof String key && !key.isBlank()
                && map.get("args") instanceof List<?> nested) {
            return new Message(key, new ArrayList<>(nested));
        }
        if (arg instanceof List<?> list) {
            return list.stream().map(Message::argument).toList();
        }
        return arg;
    }

    /** For logs only: the key with its arguments; users always see the rendered translation. */
    @Override
    public String toString() {
        return args.isEmpty() ? key : key + args;
    }
}
