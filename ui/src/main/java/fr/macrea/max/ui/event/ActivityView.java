package fr.macrea.max.ui.event;

import com.vaadin.flow.component.grid.Grid;
import fr.macrea.max.ui.base.Messages;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.macrea.max.event.EventFeedService;
import fr.macrea.max.event.FeedEvent;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.TenantContext;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.List;

/**
 * "Activité": the tenant's latest events, newest first, growing live through server push without a reload. Open to
 * every user of a tenant (a platform admin without a tenant has no feed).
 */
@Route("activite")
@Menu(order = 5, title = "nav.activity")
@RolesAllowed(Role.USER)
public class ActivityView extends VerticalLayout implements HasDynamicTitle {

    /** Rows kept on screen; older events stay in the feed (and in the SSE replay). */
    static final int SHOWN = 100;

    private final transient EventFeedService feed;
    private final List<FeedEvent> rows = new ArrayList<>();
    private final Grid<FeedEvent> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private final LiveEvents<FeedEvent> live;
    private long newestShown;

    public ActivityView(EventFeedService feed, TenantContext tenants) {
        this.feed = feed;
        addClassName("activity-view");
        setSizeFull();
        H2 title = new H2(getTranslation("event.title"));
        title.setId("activity-title");
        Paragraph intro = new Paragraph(getTranslation("event.intro"));
        empty.setText(getTranslation("event.empty"));
        empty.setId("activity-empty");

        grid.setId("activity-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(e -> EventLabels.time(e, getLocale())).setHeader(getTranslation("event.column.time"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::category).setHeader(getTranslation("event.column.category"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> Messages.text(this, e.message())).setKey("summary").setHeader(getTranslation("event.column.summary")).setFlexGrow(1);
        grid.setItems(rows);
        add(title, intro, empty, grid);

        // subscribe first, then load: an event arriving in between is applied after this request and deduplicated
        live = LiveEvents.follow(this, feed, tenants, this::show);
        addAttachListener(attach -> reload());
    }

    private Span category(FeedEvent event) {
        Span badge = new Span(getTranslation(EventLabels.categoryKey(event)));
        badge.addClassNames("badge", "event-category", EventLabels.categoryKey(event).replace('.', '-'));
        return badge;
    }

    private void reload() {
        rows.clear();
        rows.addAll(feed.latest(SHOWN));
        newestShown = rows.isEmpty() ? 0 : rows.getFirst().id();
        refresh();
    }

    /** Applies one live event (called with the UI locked). */
    void show(FeedEvent event) {
        if (event.id() <= newestShown) {
            return;
        }
        newestShown = event.id();
        rows.addFirst(event);
        while (rows.size() > SHOWN) {
            rows.removeLast();
        }
        refresh();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        empty.setVisible(rows.isEmpty());
    }

    /** What the grid shows, newest first. */
    List<FeedEvent> shown() {
        return List.copyOf(rows);
    }

    /** Whether the view currently receives live events (for tests). */
    boolean following() {
        return live.isFollowing();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("event.title") + " — M.A.X.";
    }
}
