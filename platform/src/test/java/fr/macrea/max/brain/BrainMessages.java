package fr.macrea.max.brain;

import fr.macrea.max.shared.Message;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Renders the brain feature's messages from its bundle the way the UI's i18n provider does (French base file,
 * English {@code _en}; MessageFormat only when there are arguments; nested messages first), so tests read the text
 * a user reads.
 */
final class BrainMessages {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private BrainMessages() {
    }

    static String fr(Message message) {
        return render(message, Locale.ROOT);
    }

    static String en(Message message) {
        return render(message, Locale.ENGLISH);
    }

    private static String render(Message message, Locale locale) {
        String pattern = ResourceBundle.getBundle("i18n/brain", locale, NO_FALLBACK).getString(message.key());
        Object[] args = message.args().stream().map(a -> a instanceof Message m ? render(m, locale) : a).toArray();
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
