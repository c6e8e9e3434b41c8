package fr.macrea.max.event;

import fr.macrea.max.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The fan-out of one node. Publishing costs the publisher one enqueue, whatever the number of subscribers: a
 * per-tenant dispatcher (a virtual thread while it has work) hands each event to the subscribers that were there
 * when it was published. Each subscriber has a bounded mailbox drained by a virtual thread, so a slow SSE client or
 * a busy UI never delays the publisher or the other subscribers, and each subscriber sees its tenant's events one at
 * a time in publication order. A subscriber whose backlog exceeds the limit is dropped and told so
 * ({@link FeedSubscriber#onOverflow()}).
 */
public final class InProcessEventFanout implements EventFanout {

    private static final Logger log = LoggerFactory.getLogger(InProcessEventFanout.class);
    private static final Mailbox[] NONE = new Mailbox[0];

    /** Copy on write: a publication takes the current array as it is, in O(1), and keeps it. */
    private final Map<TenantId, Mailbox[]> byTenant = new ConcurrentHashMap<>();
    /** Per tenant, its publications in order, each handed to the subscribers it was published to. */
    private final Map<TenantId, SerialQueue<Delivery>> dispatchers = new ConcurrentHashMap<>();
    private final Executor executor;
    private final int backlog;

    public InProcessEventFanout(int backlog) {
        this(backlog, Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("event-fanout-", 0).factory()));
    }

    InProcessEventFanout(int backlog, Executor executor) {
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be positive");
        }
        this.backlog = backlog;
        this.executor = executor;
    }

    @Override
    public void publish(FeedEvent event) {
        Mailbox[] targets = byTenant.get(event.tenant());
        if (targets != null) {
            dispatchers.computeIfAbsent(event.tenant(), t -> new SerialQueue<Delivery>(InProcessEventFanout::deliver,
                    () -> true)).add(new Delivery(event, targets));
        }
    }

    @Override
    public EventSubscription subscribe(TenantId tenant, FeedSubscriber subscriber) {
        Mailbox mailbox = new Mailbox(tenant, subscriber);
        // compute/computeIfPresent are atomic per tenant, so an array emptied by the last unsubscribe is never reused
        byTenant.compute(tenant, (key, current) -> {
            Mailbox[] base = current == null ? NONE : current;
            Mailbox[] grown = Arrays.copyOf(base, base.length + 1);
            grown[base.length] = mailbox;
            return grown;
        });
        return mailbox;
    }

    @Override
    public int subscriberCount(TenantId tenant) {
        Mailbox[] mailboxes = byTenant.get(tenant);
        return mailboxes == null ? 0 : mailboxes.length;
    }

    private void remove(Mailbox mailbox) {
        byTenant.computeIfPresent(mailbox.tenant, (key, current) -> {
            Mailbox[] kept = Arrays.stream(current).filter(m -> m != mailbox).toArray(Mailbox[]::new);
            return kept.length == 0 ? null : kept;
        });
    }

    private record Delivery(FeedEvent event, Mailbox[] targets) {
    }

    private static void deliver(Delivery delivery) {
        for (Mailbox mailbox : delivery.targets()) {
            mailbox.offer(delivery.event());
        }
    }

    /**
     * Items handled one at a time, in arrival order, on the executor and never on the caller's thread: one drainer
     * at a time, started by the first item of an idle queue. Both the per-tenant dispatch and each subscriber's
     * mailbox are one of these.
     */
    private final class SerialQueue<T> {

        private final Queue<T> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();
        private final Consumer<T> handler;
        private final BooleanSupplier active;

        SerialQueue(Consumer<T> handler, BooleanSupplier active) {
            this.handler = handler;
            this.active = active;
        }

        void add(T item) {
            queue.add(item);
            schedule();
        }

        void clear() {
            queue.clear();
        }

        private void schedule() {
            if (draining.compareAndSet(false, true)) {
                executor.execute(this::drain);
            }
        }

        private void drain() {
            try {
                T item;
                while (active.getAsBoolean() && (item = queue.poll()) != null) {
                    handler.accept(item);
                }
            } finally {
                draining.set(false);
                // an item added between the last poll and the reset above must not wait for the next one
                if (active.getAsBoolean() && !queue.isEmpty()) {
                    schedule();
                }
            }
        }
    }

    private final class Mailbox implements EventSubscription {

        private final TenantId tenant;
        private final FeedSubscriber subscriber;
        private final AtomicInteger size = new AtomicInteger();
        private final AtomicBoolean open = new AtomicBoolean(true);
        private final SerialQueue<FeedEvent> queue = new SerialQueue<>(this::hand, open::get);

        Mailbox(TenantId tenant, FeedSubscriber subscriber) {
            this.tenant = tenant;
            this.subscriber = subscriber;
        }

        void offer(FeedEvent event) {
            if (!open.get()) {
                return;
            }
            if (size.incrementAndGet() > backlog) {
                size.decrementAndGet();
                overflow();
                return;
            }
            queue.add(event);
        }

        private void hand(FeedEvent event) {
            size.decrementAndGet();
            try {
                subscriber.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("An event subscriber of {} failed on {}", tenant, event.type(), e);
            }
        }

        private void overflow() {
            if (!shut()) {
                return;
            }
            log.info("A live subscriber of {} fell more than {} events behind and was dropped", tenant, backlog);
            executor.execute(() -> {
                try {
                    subscriber.onOverflow();
                } catch (RuntimeException e) {
                    log.warn("An event subscriber of {} failed on overflow", tenant, e);
                }
            });
        }

        @Override
        public void close() {
            shut();
        }

        /** Closes once; true for the caller that actually closed it. */
        private boolean shut() {
            if (!open.compareAndSet(true, false)) {
                return false;
            }
            remove(this);
            queue.clear();
            return true;
        }

        @Override
        public boolean isOpen() {
            return open.get();
        }
    }
}
