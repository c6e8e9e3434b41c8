package fr.macrea.max.ui.event;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.function.SerializableConsumer;
import fr.macrea.max.event.EventFeedService;
import fr.macrea.max.event.EventSubscription;
import fr.macrea.max.event.FeedEvent;
import fr.macrea.max.security.TenantContext;

import java.io.Serializable;
import java.util.function.Consumer;

/**
 * Live events of the signed-in tenant for one component: subscribed while the component is attached, applied inside
 * {@link UI#access} so that server push (WebSocket, {@code @Push} on the app shell) shows them at once, and
 * unsubscribed on detach (closed tab, navigation away, session end). Any view or widget reuses it:
 * <pre>{@code LiveEvents.follow(this, feed, tenants, event -> grid.add(event));}</pre>
 * The feed is one source; {@link #follow(Component, TenantContext, Source, SerializableConsumer)} takes any other
 * (the wallet's balance signal, for one).
 */
public final class LiveEvents<T> implements Serializable {

    /** Where the events come from: subscribes a listener, called on a fan-out thread, until the subscription closes. */
    @FunctionalInterface
    public interface Source<T> {
        EventSubscription subscribe(Consumer<T> listener);
    }

    private final transient Source<T> source;
    private final transient TenantContext tenants;
    private final SerializableConsumer<T> onEvent;
    private transient EventSubscription subscription;

    private LiveEvents(Source<T> source, TenantContext tenants, SerializableConsumer<T> onEvent) {
        this.source = source;
        this.tenants = tenants;
        this.onEvent = onEvent;
    }

    /**
     * Follows the tenant's live events for as long as {@code owner} is attached. {@code onEvent} runs with the UI
     * locked, so it may change components directly. A user without a current tenant (a platform admin in the
     * console) gets nothing.
     */
    public static LiveEvents<FeedEvent> follow(Component owner, EventFeedService feed, TenantContext tenants,
                                               SerializableConsumer<FeedEvent> onEvent) {
        return follow(owner, tenants, listener -> feed.subscribe(listener::accept), onEvent);
    }

    /** The same for any source of the tenant's events: subscribed when {@code owner} attaches, for its UI. */
    public static <T> LiveEvents<T> follow(Component owner, TenantContext tenants, Source<T> source,
                                           SerializableConsumer<T> onEvent) {
        LiveEvents<T> live = new LiveEvents<>(source, tenants, onEvent);
        owner.addAttachListener(attach -> live.start(attach.getUI()));
        owner.addDetachListener(detach -> live.stop());
        owner.getUI().ifPresent(live::start);
        return live;
    }

    private synchronized void start(UI ui) {
        stop();
        if (tenants.find().isEmpty()) {
            return;
        }
        subscription = source.subscribe(event -> deliver(ui, event));
    }

    private void deliver(UI ui, T event) {
        try {
            ui.access(() -> onEvent.accept(event));
        } catch (UIDetachedException gone) {
            stop(); // the tab is closed: no detach event will come from a dead UI
        }
    }

    /** Stops following (also done on detach). */
    public synchronized void stop() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    /** Whether events are currently followed (for tests). */
    public synchronized boolean isFollowing() {
        return subscription != null && subscription.isOpen();
    }
}
