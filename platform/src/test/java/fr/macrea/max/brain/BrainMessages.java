package fr.macrea.max.brain;

import fr.macrea.max.shared.Message;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Renders the brain feature's messages from its bundle (and the tenant bundle it nests) the way the UI's i18n provider does (French base file,
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
        // entitlement refusals nest the tenant feature's add-on names
        ResourceBundle bundle = java.util.stream.Stream.of("i18n/brain", "i18n/tenant")
                .map(name -> ResourceBundle.getBundle(name, locale, NO_FALLBACK))
                .filter(b -> b.containsKey(message.key())).findFirst()
                .orElseThrow(() -> new java.util.MissingResourceException(message.key(), "i18n", message.key()));
        String pattern = bundle.getString(message.key());
        Object[] args = message.args().stream().map(a -> a instanceof Message m ? render(m, locale) : a).toArray();
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
