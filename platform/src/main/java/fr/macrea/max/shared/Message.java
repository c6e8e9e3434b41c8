package fr.macrea.max.shared;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
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
        args = List.copyOf(args.stream().map(arg -> arg == null ? "" : arg).toList());
    }

    public static Message of(String key, Object... args) {
        return new Message(key, Arrays.asList(args));
    }

    /** For logs only: the key with its arguments; users always see the rendered translation. */
    @Override
    public String toString() {
        return args.isEmpty() ? key : key + args;
    }
}
