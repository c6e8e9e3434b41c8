package fr.macrea.max.event;

import fr.macrea.max.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stores every {@link TenantEvent} in the activity feed and hands it to the live fan-out, only once the transaction
 * that published it has committed (an event of a rolled-back transaction never happened); an event published
 * outside a transaction is recorded at once.
 * <p>
 * Store, commit and the hand-off to the fan-out (one enqueue, whatever the number of subscribers) of one tenant's
 * events run under that tenant's lock, and the fan-out keeps publication order, so the feed ids of a tenant are
 * delivered in increasing order: an SSE client that saw id N has seen every earlier event of its tenant, which is
 * what makes {@code Last-Event-ID} resume lossless.
 */
@Component
class TenantEventRecorder {

    private static final Logger log = LoggerFactory.getLogger(TenantEventRecorder.class);
    static final int MAX_TYPE = 80;
    static final int MAX_SUMMARY = 500;

    private final ActivityEventRepository repository;
    private final EventFanout fanout;
    private final EventPublishTimings timings;
    private final TransactionTemplate newTransaction;
    private final Clock clock;
    private final ReentrantLock[] tenantLocks = new ReentrantLock[64];

    TenantEventRecorder(ActivityEventRepository repository, EventFanout fanout, EventPublishTimings timings,
                        PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.fanout = fanout;
        this.timings = timings;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactions);
        // after commit the publisher's connection may still be bound to the thread: write in a transaction of our own
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        for (int i = 0; i < tenantLocks.length; i++) {
            tenantLocks[i] = new ReentrantLock();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(TenantEvent event) {
        // never fail the publisher: its own work is committed already, the feed is a consequence of it
        try {
            record(event);
        } catch (RuntimeException e) {
            log.error("Could not record the event {} of {}", event.type(), event.tenant(), e);
        }
    }

    FeedEvent record(TenantEvent event) {
        TenantId tenant = event.tenant();
        if (tenant == null) {
            throw new IllegalArgumentException("event without tenant: " + event.type());
        }
        String type = clip(event.type() == null || event.type().isBlank() ? "unknown" : event.type().strip(), MAX_TYPE);
        String summary = clip(event.summary() == null ? "" : event.summary().strip(), MAX_SUMMARY);
        Instant occurredAt = event.occurredAt() == null ? clock.instant() : event.occurredAt();
        String json = EventJson.details(EventMessages.withMessage(event.data(), event.message()));
        ReentrantLock lock = tenantLocks[Math.floorMod(Long.hashCode(tenant.value()), tenantLocks.length)];
        lock.lock();
        try {
            long start = System.nanoTime();
            Long id = newTransaction.execute(status -> repository.insert(tenant, type, summary, occurredAt, json));
            FeedEvent stored = new FeedEvent(id, tenant, type, summary, occurredAt, EventJson.parse(json));
            long committed = System.nanoTime();
            fanout.publish(stored);
            timings.record(committed - start, System.nanoTime() - committed);
            return stored;
        } finally {
            lock.unlock();
        }
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
