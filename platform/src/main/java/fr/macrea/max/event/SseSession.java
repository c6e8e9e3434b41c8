package fr.macrea.max.event;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

/**
 * One SSE connection: live events of its tenant, after an optional replay of the stored events that follow the
 * client's {@code Last-Event-ID}. Live events that arrive during the replay wait in a small buffer, and an event
 * is sent only if its id is above the last one sent, so the client sees each event once and in order.
 */
final class SseSession implements FeedSubscriber {

    private static final Logger log = LoggerFactory.getLogger(SseSession.class);

    private final SseEmitter emitter;
    private final SseFrames frames;
    private final int backlog;
    private final Runnable onClose;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<FeedEvent> pending = new ArrayList<>();
    private boolean replaying;
    private long lastSent;
    private volatile boolean closed;
    private volatile EventSubscription subscription;

    SseSession(SseEmitter emitter, SseFrames frames, OptionalLong resumeAfter, int backlog, Runnable onClose) {
        this.emitter = emitter;
        this.frames = frames;
        this.backlog = backlog;
        this.onClose = onClose;
        this.replaying = resumeAfter.isPresent();
        this.lastSent = resumeAfter.orElse(0);
    }

    void attach(EventSubscription subscription) {
        this.subscription = subscription;
        if (closed) {
            subscription.close();
        }
    }

    @Override
    public void onEvent(FeedEvent event) {
        lock.lock();
        try {
            if (replaying) {
                pending.add(event);
                if (pending.size() > backlog) {
                    fail(null);
                }
                return;
            }
            sendIfNew(event);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onOverflow() {
        // the client reconnects with its Last-Event-ID and catches up from the feed
        close();
        emitter.complete();
    }

    /** Sends the stored events after the resume point, page by page, then the live ones that came meanwhile. */
    void replay(LongFunction<List<FeedEvent>> storedAfter) {
        lock.lock();
        try {
            List<FeedEvent> page;
            do {
                page = storedAfter.apply(lastSent);
                for (FeedEvent event : page) {
                    if (!sendIfNew(event)) {
                        return;
                    }
                }
            } while (!page.isEmpty() && !closed);
            for (FeedEvent event : pending) {
                if (!sendIfNew(event)) {
                    return;
                }
            }
            pending.clear();
            replaying = false;
        } catch (RuntimeException e) {
            log.warn("SSE replay failed", e);
            fail(e);
        } finally {
            lock.unlock();
        }
    }

    /** A comment line: keeps proxies from closing an idle stream and reveals clients that are gone. */
    void heartbeat() {
        if (closed || !lock.tryLock()) {
            return; // busy sending, which proves the connection as well
        }
        try {
            emitter.send(SseEmitter.event().comment("ping"));
        } catch (IOException | IllegalStateException e) {
            fail(e);
        } finally {
            lock.unlock();
        }
    }

    private boolean sendIfNew(FeedEvent event) {
        if (closed) {
            return false;
        }
        if (event.id() <= lastSent) {
            return true;
        }
        try {
            emitter.send(frames.frameOf(event));
            lastSent = event.id();
            return true;
        } catch (IOException | IllegalStateException e) {
            fail(e);
            return false;
        }
    }

    private void fail(Exception cause) {
        close();
        if (cause == null) {
            emitter.complete();
        } else {
            emitter.completeWithError(cause);
        }
    }

    /** Idempotent: stops live delivery and forgets the session. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        EventSubscription current = subscription;
        if (current != null) {
            current.close();
        }
        onClose.run();
    }

    boolean isClosed() {
        return closed;
    }
}
