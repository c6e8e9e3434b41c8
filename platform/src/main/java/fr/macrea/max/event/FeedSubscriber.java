package fr.macrea.max.event;

/**
 * Receives the live events of one tenant. Calls come one at a time and in order, on a virtual thread of the
 * fan-out, never on the publisher's thread, so a subscriber may block briefly (write to a socket, lock a UI).
 */
@FunctionalInterface
public interface FeedSubscriber {

    void onEvent(FeedEvent event);

    /**
     * This subscriber fell too far behind and was dropped (its subscription is closed). Clients that can catch up
     * from the feed (SSE with Last-Event-ID) should reconnect.
     */
    default void onOverflow() {
    }
}
