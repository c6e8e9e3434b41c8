package fr.macrea.max.event;

import fr.macrea.max.shared.TenantId;

/**
 * Carries stored events to live subscribers, keyed by tenant: a subscriber of tenant B never receives an event of
 * tenant A. The default ({@link InProcessEventFanout}) serves one node; several nodes (SPEC §2.2) plug in an
 * implementation that relays {@link #publish} over Redis pub/sub to every node's in-process fan-out.
 */
public interface EventFanout {

    /** Hands the event to the subscribers of its tenant; never blocks on them. */
    void publish(FeedEvent event);

    EventSubscription subscribe(TenantId tenant, FeedSubscriber subscriber);

    /** Live subscribers of a tenant on this node (for tests, metrics and the benchmark). */
    int subscriberCount(TenantId tenant);
}
