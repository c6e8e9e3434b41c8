package fr.macrea.max.ui.event;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import fr.macrea.max.MaxApplication;
import fr.macrea.max.event.FeedEvent;
import fr.macrea.max.event.TenantEvent;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.shared.TenantId;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestDatabase;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.KaribuIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The activity view and the bell, in a mocked Vaadin UI on the real application context and MariaDB. */
class ActivityViewIT extends KaribuIT {

    record Event(TenantId tenant, String type, String summary, Instant occurredAt, Map<String, Object> data)
            implements TenantEvent {
    }

    @Autowired
    TenantService tenants;
    @Autowired
    ApplicationEventPublisher publisher;

    private Tenant a;
    private Tenant b;

    @BeforeEach
    void signedInUiOfTenantA() {
        a = TestTenants.create(tenants, "Vue A", Plan.PRO);
        b = TestTenants.create(tenants, "Vue B", Plan.PRO);
        signIn(TestTenants.member(a, Role.TENANT_USER));
    }

    private void publish(Tenant tenant, String type, String summary) {
        publisher.publishEvent(new Event(tenant.id(), type, summary, Instant.now(), Map.of()));
    }

    /** Runs the UI's pending push work (what the WebSocket would carry) until the condition holds. */
    private static void awaitUi(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            MockVaadin.runUIQueue();
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        MockVaadin.runUIQueue();
        assertThat(condition.getAsBoolean()).as("UI condition within 20 s").isTrue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> summaries() {
        Grid<FeedEvent> grid = _get(Grid.class, spec -> spec.withId("activity-grid"));
        return grid.getListDataView().getItems().map(FeedEvent::summary).toList();
    }

    @Test
    void the_feed_lists_stored_events_and_shows_new_ones_of_its_tenant_live_but_never_another_tenants()
            throws InterruptedException {
        publish(a, "crm.lead.created", "Lead créé avant l'ouverture");
        UI.getCurrent().navigate(ActivityView.class);
        assertThat(summaries()).containsExactly("Lead créé avant l'ouverture");

        publish(b, "crm.lead.updated", "Lead de B modifié");
        publish(a, "crm.lead.updated", "Lead « Émilie » passé en chaud");
        awaitUi(() -> summaries().size() == 2);

        assertThat(summaries()).containsExactly("Lead « Émilie » passé en chaud", "Lead créé avant l'ouverture");
        assertThat(summaries()).doesNotContain("Lead de B modifié");
    }

    @Test
    void an_ai_action_raises_a_notification_and_the_bell_counts_it() throws InterruptedException {
        UI.getCurrent().navigate(ActivityView.class);
        NotificationBell bell = _get(NotificationBell.class);
        assertThat(bell.unread()).isZero();

        publish(a, "crm.lead.updated", "Simple modification");
        publish(b, "action.completed", "Action IA de B");
        publish(a, "action.completed", "Analyse IA du lead terminée");
        // The feed and the bell are two subscribers, each served by its own push: wait for both.
        awaitUi(() -> summaries().size() == 2 && bell.unread() >= 1);

        assertThat(bell.unread()).isEqualTo(1);
        assertThat(_get(Span.class, spec -> spec.withId("notification-count")).getText()).isEqualTo("1");
        List<Notification> notifications = _find(Notification.class);
        assertThat(notifications).hasSize(1);
        assertThat(notifications.getFirst().getElement().getProperty("text"))
                .isEqualTo("Analyse IA du lead terminée");
    }

    @Test
    void leaving_the_view_stops_its_subscription() {
        UI.getCurrent().navigate(ActivityView.class);
        ActivityView view = _get(ActivityView.class);
        assertThat(view.following()).isTrue();

        UI.getCurrent().navigate("");

        assertThat(view.isAttached()).isFalse();
        assertThat(view.following()).isFalse();
    }

    @Test
    void a_burst_of_ai_actions_keeps_at_most_three_toasts_over_the_header_and_counts_them_all()
            throws InterruptedException {
        UI.getCurrent().navigate(ActivityView.class);
        NotificationBell bell = _get(NotificationBell.class);
        for (int i = 1; i <= 6; i++) {
            publish(a, "action.completed", "Action IA en rafale " + i);
        }
        awaitUi(() -> bell.unread() == 6 && summaries().size() == 6);

        List<Notification> open = _find(Notification.class).stream().filter(Notification::isOpened).toList();
        assertThat(open).hasSize(fr.macrea.max.ui.base.Toasts.MAX_OPEN);
        assertThat(open).extracting(n -> n.getElement().getProperty("text"))
                .containsExactly("Action IA en rafale 4", "Action IA en rafale 5", "Action IA en rafale 6");
        assertThat(summaries()).hasSize(6); // the feed keeps every event
    }
}
