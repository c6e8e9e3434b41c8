package fr.macrea.max.ui.wallet;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Euro amounts shown next to token amounts: in the French way ("24,35 €") by default, or in the UI locale's way
 * where a screen passes it ("€24.35" in English).
 */
public final class Money {

    private Money() {
    }

    public static String euros(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.FRANCE);
        return format.format(amount).replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    /** Euros in the conventions of {@code locale} (a locale without a country still shows euros). */
    public static String euros(BigDecimal amount, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(java.util.Currency.getInstance("EUR"));
        return format.format(amount).replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
