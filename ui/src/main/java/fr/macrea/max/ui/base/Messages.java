package fr.macrea.max.ui.base;

import com.vaadin.flow.component.Component;
import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;

/**
 * Renders the platform's {@link Message}s in the user's language. Platform services return keys, never sentences;
 * this is the one place a view turns them into text. Nested messages among the arguments are rendered first.
 */
public final class Messages {

    private Messages() {
    }

    public static String text(Component view, Message message) {
        Object[] args = message.args().stream()
                .map(arg -> arg instanceof Message nested ? text(view, nested) : arg)
                .toArray();
        return view.getTranslation(message.key(), args);
    }

    /** The text of a failure a user should read: its message when it has one, a generic one otherwise. */
    public static String text(Component view, Throwable failure) {
        if (failure instanceof LocalizedException localized) {
            return text(view, localized.message());
        }
        return view.getTranslation("error.unexpected");
    }
}
