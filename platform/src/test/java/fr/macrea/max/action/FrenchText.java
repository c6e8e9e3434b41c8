package fr.macrea.max.action;

import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Renders platform messages with the platform's French bundles, as the UI would, so that tests read the sentence a
 * user sees (and fail on a key missing from the bundles).
 */
public final class FrenchText {

    // the platform bundles of the action and wallet features, including their labels (statuses, rights)
    private static final List<String> BUNDLES = List.of("i18n/action-platform", "i18n/wallet-platform", "i18n/action",
            "i18n/wallet");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private FrenchText() {
    }

    public static String of(Message message) {
        if (message == null) {
            return null;
        }
        Object[] args = message.args().stream().map(a -> a instanceof Message m ? of(m) : a).toArray();
        for (String bundle : BUNDLES) {
            ResourceBundle b = ResourceBundle.getBundle(bundle, Locale.ROOT, NO_FALLBACK);
            if (b.containsKey(message.key())) {
                String pattern = b.getString(message.key());
                return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.FRANCE).format(args);
            }
        }
        throw new MissingResourceException("no French text for " + message.key(), "", message.key());
    }

    public static String of(Throwable failure) {
        return failure instanceof LocalizedException l ? of(l.message()) : failure.getMessage();
    }
}
