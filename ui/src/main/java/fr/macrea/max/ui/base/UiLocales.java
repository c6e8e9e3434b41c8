package fr.macrea.max.ui.base;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/** French first; English on request. The chosen language is kept for the whole session. */
@Component
public class UiLocales implements VaadinServiceInitListener {

    public static final Locale FRENCH = Locale.FRENCH;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(FRENCH, ENGLISH);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().setLocale(current()));
    }

    public static Locale current() {
        VaadinSession session = VaadinSession.getCurrent();
        Locale chosen = session == null ? null : session.getAttribute(Locale.class);
        return chosen == null ? FRENCH : chosen;
    }

    public static void choose(Locale locale) {
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(Locale.class, locale);
        session.setLocale(locale);
    }
}
