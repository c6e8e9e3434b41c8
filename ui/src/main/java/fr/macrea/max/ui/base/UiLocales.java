package fr.macrea.max.ui.base;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import fr.macrea.max.security.UserLanguage;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * French first; English on request. The chosen language is kept for the whole session and remembered on the user
 * ({@link UserLanguage}), so the next sign-in starts in it: a UI that starts in a session without a choice yet takes
 * the signed-in user's stored language.
 */
@Component
public class UiLocales implements VaadinServiceInitListener {

    public static final Locale FRENCH = Locale.FRENCH;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(FRENCH, ENGLISH);

    private final transient UserLanguage languages;

    public UiLocales(UserLanguage languages) {
        this.languages = languages;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        // kept in the service's context so that the static choose/remember of a view reach it without a static field
        event.getSource().getContext().setAttribute(UserLanguage.class, languages);
        event.getSource().addUIInitListener(init -> init.getUI().setLocale(startLocale()));
    }

    /** The session's choice, else the signed-in user's stored language (kept in the session from then on). */
    private Locale startLocale() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getAttribute(Locale.class) != null) {
            return session.getAttribute(Locale.class);
        }
        Locale stored = languages.current().map(Locale::forLanguageTag).orElse(null);
        if (stored == null) {
            return FRENCH; // nobody signed in yet (login page): the stored language applies once signed in
        }
        choose(stored);
        return stored;
    }

    public static Locale current() {
        VaadinSession session = VaadinSession.getCurrent();
        Locale chosen = session == null ? null : session.getAttribute(Locale.class);
        return chosen == null ? FRENCH : chosen;
    }

    /** This session speaks {@code locale} (not remembered: see {@link #remember}). */
    public static void choose(Locale locale) {
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(Locale.class, locale);
        session.setLocale(locale);
    }

    /** The user picked {@code locale} in the header: this session speaks it, and so will their next sessions. */
    public static void remember(Locale locale) {
        choose(locale);
        VaadinService service = VaadinService.getCurrent();
        UserLanguage languages = service == null ? null : service.getContext().getAttribute(UserLanguage.class);
        if (languages != null) {
            languages.remember(locale.getLanguage());
        }
    }
}
