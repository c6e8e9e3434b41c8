package fr.macrea.max.ui.base;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Moments as each language writes them, in the tenants' zone (Paris: UTC+1 in December). */
class DatesTest {

    static final Instant AFTERNOON = Instant.parse("2026-12-02T14:04:05Z");

    @Test
    void frenchIsDayFirstNumericAndEnglishNamesTheMonth() {
        assertThat(Dates.dateTime(AFTERNOON, Locale.FRENCH)).isEqualTo("02/12/2026 15:04");
        assertThat(Dates.dateTime(AFTERNOON, Locale.ENGLISH)).isEqualTo("2 Dec 2026, 15:04");
        assertThat(Dates.dateTimeSeconds(AFTERNOON, Locale.ENGLISH)).isEqualTo("2 Dec 2026, 15:04:05");
        assertThat(Dates.date(AFTERNOON, Locale.FRENCH)).isEqualTo("02/12/2026");
        assertThat(Dates.dayMonthTime(AFTERNOON, Locale.ENGLISH)).isEqualTo("2 Dec, 15:04");
        assertThat(Dates.dayMonth(LocalDate.of(2026, 7, 14), Locale.FRENCH)).isEqualTo("14/07");
        assertThat(Dates.dayMonth(LocalDate.of(2026, 7, 14), Locale.ENGLISH)).isEqualTo("14 Jul");
    }

    @Test
    void aMomentJustBeforeMidnightUtcIsTheNextDayInParis() {
        assertThat(Dates.date(Instant.parse("2026-12-31T23:30:00Z"), Locale.FRENCH)).isEqualTo("01/01/2027");
        assertThat(Dates.dateTime(null, Locale.FRENCH)).isEmpty();
    }
}
