package fr.macrea.max.ui.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import fr.macrea.max.plugins.api.Label;
import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.NoTenantException;
import org.springframework.security.access.AccessDeniedException;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Renders the platform's {@link Message}s in the user's language. Platform services return keys, never sentences;
 * this is the one place a view turns them into text. Nested messages among the arguments are rendered first, a
 * brain's {@link Label} in the view's language, and a list of messages as their texts joined by ", ".
 */
public final class Messages {

    private Messages() {
    }

    public static String text(Component view, Message message) {
        Object[] args = message.args().stream().map(arg -> argument(view, arg)).toArray();
        return view.getTranslation(message.key(), args);
    }

    /** The texts of several messages joined by {@code separator} (e.g. a lead's ranking reasons). */
    public static String join(Component view, Collection<Message> messages, String separator) {
        return messages.stream().map(m -> text(view, m)).collect(Collectors.joining(separator));
    }

    /** The text of a failure a user should read: its message when it has one, a generic one otherwise. */
    public static String text(Component view, Throwable failure) {
        if (failure instanceof LocalizedException localized) {
            return text(view, localized.message());
        }
        if (failure instanceof NoTenantException) {
            return view.getTranslation("shared.no-tenant");
        }
        if (failure instanceof AccessDeniedException) {
            return view.getTranslation("error.access-denied");
        }
        return view.getTranslation("error.unexpected");
    }

    private static Object argument(Component view, Object arg) {
        return switch (arg) {
            case Message nested -> text(view, nested);
            case Label label -> label.in(view.getUI().map(UI::getLocale).orElseGet(UiLocales::current));
            case Collection<?> list when !list.isEmpty() && list.iterator().next() instanceof Message ->
                    list.stream().map(m -> text(view, (Message) m)).collect(Collectors.joining(", "));
            default -> arg;
        };
    }
}
