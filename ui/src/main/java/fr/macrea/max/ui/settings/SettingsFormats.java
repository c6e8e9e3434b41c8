package fr.macrea.max.ui.settings;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import fr.macrea.max.ui.base.UiLocales;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and durations of tenant settings in the user's language (French dates by default, Paris time). */
final class SettingsFormats {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private SettingsFormats() {
    }

    static String dateTime(Component view, Instant at) {
        if (at == null) {
            return "—";
        }
        Locale locale = view.getUI().map(UI::getLocale).orElseGet(UiLocales::current);
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(PARIS).format(at);
    }

    static String lag(Component view, Duration lag) {
        if (lag == null) {
            return "—";
        }
        long minutes = Math.max(0, lag.toMinutes());
        return minutes < 60 ? view.getTranslation("settings.lag.minutes", minutes)
                : view.getTranslation("settings.lag.hours", minutes / 60, minutes % 60);
    }
}
