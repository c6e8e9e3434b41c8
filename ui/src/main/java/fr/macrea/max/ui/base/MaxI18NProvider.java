package fr.macrea.max.ui.base;

import com.vaadin.flow.i18n.I18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Translations for every view and for the platform's {@link fr.macrea.max.shared.Message}s, French by default
 * ({@code i18n/<feature>.properties}) with English in {@code i18n/<feature>_en.properties}. One bundle per feature,
 * so that features add labels without touching a shared file. Every file of that name on the class path is read
 * (the ui's {@code i18n/crm.properties} and the platform's one both count), which {@code ResourceBundle} would not
 * do: it stops at the first. A missing key shows as {@code !key!} so it is seen in tests and screenshots; French
 * lives in the base files, so there is no fallback from English to French nor to the JVM's default locale.
 */
@Component
public class MaxI18NProvider implements I18NProvider {

    private static final Logger log = LoggerFactory.getLogger(MaxI18NProvider.class);

    private final Map<String, String> french;
    private final Map<String, String> english;

    public MaxI18NProvider() {
        this.french = load(false);
        this.english = load(true);
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return UiLocales.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        boolean inEnglish = locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        String pattern = (inEnglish ? english : french).get(key);
        if (pattern == null) {
            log.warn("missing translation {} ({})", key, inEnglish ? "en" : "fr");
            return "!" + key + "!";
        }
        // patterns without parameters are shown as written; with parameters '' stands for an apostrophe
        // numbers in the UI's language ("1 494" / "1,494"), French separators as plain spaces like every screen
        return params.length == 0 ? pattern
                : Numbers.plainSpaces(new MessageFormat(pattern, locale == null ? Locale.FRENCH : locale).format(params));
    }

    /** Every key of one language, from every bundle on the class path (for the completeness tests). */
    public static Map<String, String> keys(boolean english) {
        return load(english);
    }

    private static Map<String, String> load(boolean english) {
        Map<String, String> out = new HashMap<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
            for (Resource resource : resources) {
                String name = resource.getFilename();
                if (name == null || name.matches(".*_[a-z]{2}\\.properties") != english
                        || english && !name.endsWith("_en.properties")) {
                    continue;
                }
                Properties properties = new Properties();
                try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                properties.forEach((key, value) -> {
                    if (out.put((String) key, (String) value) != null) {
                        log.warn("translation {} defined twice ({})", key, resource);
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }
}
