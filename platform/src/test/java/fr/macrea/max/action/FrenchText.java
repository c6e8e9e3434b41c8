package fr.macrea.max.action;

import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;
import fr.macrea.max.testing.Texts;

/**
 * Renders platform messages with the platform's French bundles, as the UI would, so that tests read the sentence a
 * user sees (every bundle, through {@link Texts#fr}; BundlesTest keeps every key in them).
 */
public final class FrenchText {

    private FrenchText() {
    }

    /** The French text of a message, as the server renders it from every platform bundle. */
    public static String of(Message message) {
        return message == null ? null : Texts.fr(message);
    }

    public static String of(Throwable failure) {
        return failure instanceof LocalizedException l ? of(l.message()) : failure.getMessage();
    }
}
