package fr.macrea.max.ui.base;

import com.vaadin.flow.i18n.I18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.stream.Stream;

/**
 * Translations for every view, French by default ({@code i18n/<feature>.properties}) with English in
 * {@code i18n/<feature>_en.properties}. One bundle per feature, so that features add labels without touching a
 * shared file. A missing key shows as {@code !key!} so it is seen in tests and screenshots.
 */
@Component
public class MaxI18NProvider implements I18NProvider {

    private static final Logger log = LoggerFactory.getLogger(MaxI18NProvider.class);

    private final List<String> bundles;

    public MaxI18NProvider() {
        this.bundles = discoverBundles();
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return UiLocales.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale effective = locale == null || !Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
                ? Locale.ROOT : Locale.ENGLISH;
        for (String bundle : bundles) {
            ResourceBundle messages = ResourceBundle.getBundle(bundle, effective, NO_FALLBACK);
            if (messages.containsKey(key)) {
                String pattern = messages.getString(key);
                return params.length == 0 ? pattern : new MessageFormat(pattern, locale).format(params);
            }
        }
        log.warn("missing translation {} ({})", key, effective);
        return "!" + key + "!";
    }

    private static List<String> discoverBundles() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
            return Stream.of(resources)
                    .map(Resource::getFilename)
                    .filter(Objects::nonNull)
                    .filter(name -> !name.matches(".*_[a-z]{2}\\.properties"))
                    .map(name -> "i18n/" + name.substring(0, name.length() - ".properties".length()))
                    .distinct().sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** French lives in the base file: never fall back to the JVM's default locale. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
