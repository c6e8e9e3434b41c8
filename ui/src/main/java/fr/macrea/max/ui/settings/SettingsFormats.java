package fr.macrea.max.ui.settings;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import fr.macrea.max.ui.base.Dates;
import fr.macrea.max.ui.base.UiLocales;

import java.time.Duration;
import java.time.Instant;

/** Dates ({@link Dates}, "—" when never) and durations of tenant settings in the user's language. */
final class SettingsFormats {

    private SettingsFormats() {
    }

    static String dateTime(Component view, Instant at) {
        if (at == null) {
            return "—";
        }
        return Dates.dateTime(at, view.getUI().map(UI::getLocale).orElseGet(UiLocales::current));
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
