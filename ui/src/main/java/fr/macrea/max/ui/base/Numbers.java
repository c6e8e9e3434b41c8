package fr.macrea.max.ui.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * Every number a screen shows, in the conventions of the UI's language: "1 494 jetons · 198,20 €" in French,
 * "1,494 tokens · €198.20" in English, never a mix. Token counts inside messages are formatted by the i18n provider
 * with the same locale ({@code {0,number,integer}}). French group and currency separators (narrow or non-breaking
 * spaces in the JDK's data) are written as plain spaces, the way every screen and test reads them.
 */
public final class Numbers {

    private static final Currency EURO = Currency.getInstance("EUR");

    private Numbers() {
    }

    /** The language of the current UI (the session's choice outside a UI, French by default). */
    public static Locale locale() {
        UI ui = UI.getCurrent();
        return ui != null && ui.getLocale() != null ? ui.getLocale() : UiLocales.current();
    }

    public static Locale locale(Component view) {
        return view.getUI().map(UI::getLocale).orElseGet(Numbers::locale);
    }

    /** "198,20 €" / "€198.20". */
    public static String euros(BigDecimal amount, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(withCountry(locale));
        format.setCurrency(EURO);
        return plainSpaces(format.format(amount));
    }

    /** "1 494" / "1,494". */
    public static String integer(long value, Locale locale) {
        return plainSpaces(NumberFormat.getIntegerInstance(locale).format(value));
    }

    /** A figure with at most one decimal: "42,5" / "42.5", "7" for a whole number. */
    public static String decimal(double value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return plainSpaces(format.format(asWritten(value)));
    }

    /** A percentage given as 0..100, one decimal: "33,3 %" / "33.3%". */
    public static String percent(double percent, Locale locale) {
        return percent(percent, locale, 1);
    }

    /** A percentage given as 0..100 with at most one decimal, as a figure: "42,9 %", "10 %" / "42.9%", "10%". */
    public static String percentFigure(double percent, Locale locale) {
        return percent(percent, locale, 0);
    }

    private static String percent(double percent, Locale locale, int minimumDecimals) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMinimumFractionDigits(minimumDecimals);
        format.setMaximumFractionDigits(1);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return plainSpaces(format.format(asWritten(percent).movePointLeft(2)));
    }

    /** 21.45 rounds to 21.5 as people round it, not to 21.4 as its binary value (21.4499...) would. */
    private static BigDecimal asWritten(double value) {
        return BigDecimal.valueOf(value);
    }

    /** The JDK's French data separates groups with U+202F and "€" with U+00A0: shown as plain spaces. */
    public static String plainSpaces(String formatted) {
        return formatted.replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    /** A currency format needs a country: French means France, English the UK's order ("€198.20"). */
    private static Locale withCountry(Locale locale) {
        if (locale == null) {
            return Locale.FRANCE;
        }
        if (!locale.getCountry().isEmpty()) {
            return locale;
        }
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.UK : Locale.FRANCE;
    }
}
