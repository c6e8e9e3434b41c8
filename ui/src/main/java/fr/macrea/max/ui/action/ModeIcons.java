package fr.macrea.max.ui.action;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import fr.macrea.max.action.Mode;

import java.util.Locale;

/**
 * How a mode looks in the UI: a coloured dot from Vaadin's own icon set next to the mode's word. The dots were
 * emoji (green, amber, red circles), which a browser draws as empty boxes where the system has no emoji font; the
 * icon set ships with Vaadin, so it renders everywhere. The colour repeats the word, it never replaces it.
 */
public final class ModeIcons {

    private ModeIcons() {
    }

    /** The mode's dot, hidden from screen readers (the word next to it says the same). */
    public static Icon icon(Mode mode) {
        Icon icon = VaadinIcon.CIRCLE.create();
        icon.addClassNames("mode-icon", "mode-icon-" + mode.name().toLowerCase(Locale.ROOT));
        icon.setColor(switch (mode) {
            case CONSEIL -> "var(--lumo-success-color, #1b8a4b)";
            case ASSISTE -> "var(--lumo-warning-color, #e6a100)";
            case AUTO -> "var(--lumo-error-color, #d52f2f)";
        });
        icon.setSize("0.8em");
        icon.getElement().setAttribute("aria-hidden", "true");
        return icon;
    }

    /** The mode's word in the user's language ({@code mode.<MODE>} of the ui bundles). */
    public static String word(Component owner, Mode mode) {
        return owner.getTranslation("mode." + mode.name());
    }

    /** Dot and word, for a grid cell or a line of text. */
    public static Span badge(Component owner, Mode mode) {
        Span badge = new Span(word(owner, mode));
        badge.addComponentAsFirst(icon(mode));
        badge.addClassName("mode-badge");
        return badge;
    }
}
