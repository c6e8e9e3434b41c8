package fr.macrea.max.event;

import fr.macrea.max.security.TenantContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The activity feed of the signed-in user's tenant: its latest events, the events after an id (resume) and live
 * delivery. The tenant always comes from the principal ({@link TenantContext}).
 */
@Service
public class EventFeedService {

    /** Most events one call returns; callers page with {@link #after}. */
    public static final int MAX_PAGE = 500;

    private final ActivityEventRepository repository;
    private final EventFanout fanout;
    private final TenantContext tenants;

    EventFeedService(ActivityEventRepository repository, EventFanout fanout, TenantContext tenants) {
        this.repository = repository;
        this.fanout = fanout;
        this.tenants = tenants;
    }

    /** The tenant's newest events, newest first. */
    @PreAuthorize("hasRole('TENANT_USER')")
    @Transactional(readOnly = true)
    public List<FeedEvent> latest(int limit) {
        return repository.latest(bounded(limit));
    }

    /** The tenant's events with an id greater than {@code lastEventId}, oldest first, at most {@code limit}. */
    @PreAuthorize("hasRole('TENANT_USER')")
    @Transactional(readOnly = true)
    public List<FeedEvent> after(long lastEventId, int limit) {
        return repository.after(Math.max(0, lastEventId), bounded(limit));
    }

    /** Live events of the tenant, from now on, until the subscription is closed (stored events only, no signals). */
    @PreAuthorize("hasRole('TENANT_USER')")
    public EventSubscription subscribe(FeedSubscriber subscriber) {
        return fanout.subscribe(tenants.current(), new FeedSubscriber() {
            @Override
            public void onEvent(FeedEvent event) {
                if (!event.isSignal()) {
                    subscriber.onEvent(event);
                }
            }

            @Override
            public void onOverflow() {
                subscriber.onOverflow();
            }
        });
    }

    private static int bounded(int limit) {
        return Math.clamp(limit, 1, MAX_PAGE);
    }
}
