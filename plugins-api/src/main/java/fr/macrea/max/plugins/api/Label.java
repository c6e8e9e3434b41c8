package fr.macrea.max.plugins.api;

import java.util.Locale;
import java.util.Objects;

/**
 * A user-facing text in French (the product's language) and English.
 *
 * @param fr French text, required
 * @param en English text, required
 * @since 1.0
 */
public record Label(String fr, String en) {

    public Label {
        Objects.requireNonNull(fr, "fr");
        Objects.requireNonNull(en, "en");
    }

    public static Label of(String fr, String en) {
        return new Label(fr, en);
    }

    /** The English text for an English locale, the French one otherwise. */
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : fr;
    }
}
