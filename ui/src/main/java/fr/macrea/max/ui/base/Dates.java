package fr.macrea.max.ui.base;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Dates and times as the screen's language writes them, in the tenants' zone: "02/12/2026 15:04" in French,
 * "2 Dec 2026, 15:04" in English (a day-first numeric date reads as a month-first one to many English readers, so
 * English names the month). The one place screens format a moment; each used to carry a French pattern of its own.
 */
public final class Dates {

    /** The zone the CRM's moments are shown in (the tenants are French businesses). */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private Dates() {
    }

    /** "02/12/2026" / "2 Dec 2026". */
    public static String date(TemporalAccessor at, Locale locale) {
        return format(at, locale, "dd/MM/yyyy", "d MMM yyyy");
    }

    /** "02/12/2026 15:04" / "2 Dec 2026, 15:04". */
    public static String dateTime(Instant at, Locale locale) {
        return format(at, locale, "dd/MM/yyyy HH:mm", "d MMM yyyy, HH:mm");
    }

    /** "02/12/2026 15:04:05" / "2 Dec 2026, 15:04:05". */
    public static String dateTimeSeconds(Instant at, Locale locale) {
        return format(at, locale, "dd/MM/yyyy HH:mm:ss", "d MMM yyyy, HH:mm:ss");
    }

    /** "02/12 15:04" / "2 Dec, 15:04": recent moments (a timeline). */
    public static String dayMonthTime(Instant at, Locale locale) {
        return format(at, locale, "dd/MM HH:mm", "d MMM, HH:mm");
    }

    /** "02/12" / "2 Dec": a day on a chart's axis. */
    public static String dayMonth(TemporalAccessor day, Locale locale) {
        return format(day, locale, "dd/MM", "d MMM");
    }

    private static String format(TemporalAccessor at, Locale locale, String french, String english) {
        if (at == null) {
            return "";
        }
        boolean isFrench = locale == null || locale.getLanguage().equals("fr");
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern(isFrench ? french : english,
                isFrench ? Locale.FRENCH : Locale.UK).withZone(ZONE);
        return formatter.format(at);
    }
}
