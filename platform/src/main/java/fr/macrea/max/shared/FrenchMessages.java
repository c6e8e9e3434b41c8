package fr.macrea.max.shared;

import fr.macrea.max.plugins.api.Label;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Renders a {@link Message} in French (the product's first language) on the server, for texts that leave the
 * platform without a UI: {@link LocalizedException#getMessage()} (logs, API clients), the feed's stored summaries
 * read by SSE clients, and the callers on the allow-list of {@code FrenchLiteralsGuardTest} that still build French
 * sentences. Views never use it: they render messages in the user's language with {@code ui.base.Messages}.
 */
public final class FrenchMessages {

    private static final Map<String, String> PATTERNS = load();

    private FrenchMessages() {
    }

    public static String render(Message message) {
        String pattern = PATTERNS.get(message.key());
        if (pattern == null) {
            return message.toString();
        }
        Object[] args = message.args().stream().map(FrenchMessages::argument).toArray();
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.FRENCH).format(args);
    }

    /** Whether the bundles have this key (e.g. to show a CRM value M.A.X. has no label for as it is). */
    public static boolean knows(String key) {
        return PATTERNS.containsKey(key);
    }

    private static Object argument(Object arg) {
        return switch (arg) {
            case Message nested -> render(nested);
            case Label label -> label.fr();
            case Collection<?> list when !list.isEmpty() && list.iterator().next() instanceof Message ->
                    list.stream().map(m -> render((Message) m)).collect(Collectors.joining(", "));
            default -> arg;
        };
    }

    private static Map<String, String> load() {
        Map<String, String> out = new HashMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
                if (r.getFilename() == null || r.getFilename().matches(".*_[a-z]{2}\\.properties")) {
                    continue;
                }
                Properties p = new Properties();
                try (Reader reader = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
                    p.load(reader);
                }
                p.forEach((k, v) -> out.put((String) k, (String) v));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }
}
