package fr.macrea.max.ui.event;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import fr.macrea.max.event.EventFeedService;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.ui.base.HeaderWidget;

/** Puts the notification bell in the header of users working in a tenant. */
@org.springframework.stereotype.Component
class NotificationsHeaderWidget implements HeaderWidget {

    private final EventFeedService feed;
    private final TenantContext tenants;

    NotificationsHeaderWidget(EventFeedService feed, TenantContext tenants) {
        this.feed = feed;
        this.tenants = tenants;
    }

    @Override
    public Component create() {
        if (tenants.find().isEmpty()) {
            Span nothing = new Span();
            nothing.setVisible(false);
            return nothing;
        }
        return new NotificationBell(feed, tenants);
    }

    @Override
    public int order() {
        return 90;
    }
}
