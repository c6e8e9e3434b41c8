package fr.macrea.max.testing;

import fr.macrea.max.plugins.api.Label;
import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.Message;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/** Platform messages as users read them, for assertions: French as the server renders it, English from the bundles. */
public final class Texts {

    private static final Map<String, String> ENGLISH = english();

    private Texts() {
    }

    public static String fr(Message message) {
        return FrenchMessages.render(message);
    }

    public static List<String> fr(List<Message> messages) {
        return messages.stream().map(Texts::fr).toList();
    }

    public static String en(Message message) {
        String pattern = ENGLISH.get(message.key());
        if (pattern == null) {
            throw new AssertionError("no English text for " + message.key());
        }
        Object[] args = message.args().stream().map(a -> switch (a) {
            case Message nested -> en(nested);
            case Label label -> label.en();
            case Collection<?> list when !list.isEmpty() && list.iterator().next() instanceof Message ->
                    list.stream().map(m -> en((Message) m)).collect(Collectors.joining(", "));
            default -> a;
        }).toArray();
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(args);
    }

    public static List<String> en(List<Message> messages) {
        return messages.stream().map(Texts::en).toList();
    }

    private static Map<String, String> english() {
        Map<String, String> out = new HashMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*_en.properties")) {
                Properties p = new Properties();
                try (Reader reader = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
                    p.load(reader);
                }
                p.forEach((k, v) -> out.put((String) k, (String) v));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
