package fr.macrea.max.ui.event;

import com.vaadin.flow.component.Composite;
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
 * shows a notification when one arrives, and opens the activity feed.
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
        Notification notification = Notification.show(Messages.text(this, event.message()), 6000, Notification.Position.TOP_END);
        notification.addThemeVariants(event.type().endsWith("failed")
                ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
        notification.addClassName("event-notification");
    }

    private void refresh() {
        count.setText(unread == 0 ? "" : Integer.toString(unread));
        count.setVisible(unread > 0);
        bell.setTooltipText(getTranslation("event.bell.unread", unread));
    }

    int unread() {
        return unread;
    }
}
