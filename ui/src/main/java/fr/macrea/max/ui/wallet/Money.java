package fr.macrea.max.ui.wallet;

import fr.macrea.max.ui.base.Numbers;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Euro amounts shown next to token amounts, in the UI's language: "24,35 €" in French, "€24.35" in English
 * ({@link Numbers}).
 */
public final class Money {

    private Money() {
    }

    /** Euros in the current UI's language. */
    public static String euros(BigDecimal amount) {
        return Numbers.euros(amount, Numbers.locale());
    }

    /** Euros in the conventions of {@code locale} (a locale without a country still shows euros). */
    public static String euros(BigDecimal amount, Locale locale) {
        return Numbers.euros(amount, locale);
    }
}
