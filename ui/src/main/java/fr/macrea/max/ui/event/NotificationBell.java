package fr.macrea.max.ui.event;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import fr.macrea.max.ui.base.Toasts;
import fr.macrea.max.ui.base.Messages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import fr.macrea.max.event.EventFeedService;
import fr.macrea.max.event.FeedEvent;
import fr.macrea.max.security.TenantContext;

/**
 * The header bell: counts the notable events (AI actions, automation outcomes) received since it was last opened,
 * shows a notification when one arrives, and opens the activity feed. It is the only place that toasts live events
 * (views update their lists silently), and it skips the outcome the user's own screen has just shown
 * ({@link Toasts}).
 */
public class NotificationBell extends Composite<HorizontalLayout> {

    private final Span count = new Span();
    private final Button bell = new Button(VaadinIcon.BELL.create());
    private int unread;

    public NotificationBell(EventFeedService feed, TenantContext tenants) {
        bell.setId("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        bell.setAriaLabel(getTranslation("event.bell.label"));
        bell.addClickListener(click -> {
            unread = 0;
            refresh();
            getUI().ifPresent(ui -> ui.navigate(ActivityView.class));
        });
        count.setId("notification-count");
        count.addClassName("notification-count");
        getContent().setSpacing(false);
        getContent().addClassName("notification-bell");
        getContent().add(bell, count);
        refresh();
        LiveEvents.follow(this, feed, tenants, this::onEvent);
    }

    void onEvent(FeedEvent event) {
        if (!EventLabels.notable(event)) {
            return;
        }
        unread++;
        refresh();
        UI ui = UI.getCurrent();
        if (ui == null || toldHere(ui, event)) {
            return; // the screen that ran this action already showed its outcome: counted, not toasted twice
        }
        Notification notification = Toasts.of(ui).show(Messages.text(this, event.message()), 6000,
                Notification.Position.TOP_END);
        notification.addThemeVariants(event.type().endsWith("failed")
                ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
        notification.addClassName("event-notification");
    }

    private static boolean toldHere(UI ui, FeedEvent event) {
        return event.data().get("actionLogId") instanceof Number id && Toasts.of(ui).alreadyTold(id.longValue());
    }

    private void refresh() {
        count.setText(unread == 0 ? "" : Integer.toString(unread));
        count.setVisible(unread > 0);
        bell.setTooltipText(getTranslation("event.bell.unread", unread));
    }

    public int unread() {
        return unread;
    }
}
