package fr.macrea.max.event;

import fr.macrea.max.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class InProcessEventFanoutTest {

    private static final TenantId A = new TenantId(1);
    private static final TenantId B = new TenantId(2);
    private static final AtomicLong IDS = new AtomicLong();

    private static FeedEvent event(TenantId tenant) {
        return new FeedEvent(IDS.incrementAndGet(), tenant, "crm.lead.updated", "Lead modifié", Instant.EPOCH, Map.of());
    }

    /** Runs queued tasks when the test says so: delivery becomes deterministic. */
    private static final class ManualExecutor implements Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                task.run();
            }
        }
    }

    @Test
    void a_subscriber_receives_only_its_own_tenants_events_in_order() {
        ManualExecutor executor = new ManualExecutor();
        InProcessEventFanout fanout = new InProcessEventFanout(100, executor);
        List<FeedEvent> ofA = new ArrayList<>();
        List<FeedEvent> ofB = new ArrayList<>();
        fanout.subscribe(A, ofA::add);
        fanout.subscribe(B, ofB::add);

        List<FeedEvent> publishedA = List.of(event(A), event(A), event(A));
        FeedEvent publishedB = event(B);
        publishedA.forEach(fanout::publish);
        fanout.publish(publishedB);
        executor.runAll();

        assertThat(ofA).containsExactlyElementsOf(publishedA);
        assertThat(ofB).containsExactly(publishedB);
    }

    @Test
    void publishing_costs_the_publisher_one_hand_off_whatever_the_number_of_subscribers() {
        ManualExecutor executor = new ManualExecutor();
        InProcessEventFanout fanout = new InProcessEventFanout(100, executor);
        AtomicInteger delivered = new AtomicInteger();
        for (int i = 0; i < 5_000; i++) {
            fanout.subscribe(A, e -> delivered.incrementAndGet());
        }

        fanout.publish(event(A));
        fanout.publish(event(A));

        // nothing was offered to the 5 000 mailboxes on the publisher's thread: one dispatcher task is queued
        assertThat(executor.tasks).hasSize(1);
        assertThat(delivered).hasValue(0);
        executor.runAll();
        assertThat(delivered).hasValue(10_000);
    }

    @Test
    void a_closed_subscription_receives_nothing_more_and_is_forgotten() {
        ManualExecutor executor = new ManualExecutor();
        InProcessEventFanout fanout = new InProcessEventFanout(100, executor);
        List<FeedEvent> received = new ArrayList<>();
        EventSubscription subscription = fanout.subscribe(A, received::add);

        fanout.publish(event(A)); // queued, not yet delivered
        subscription.close();
        fanout.publish(event(A));
        executor.runAll();

        assertThat(received).isEmpty();
        assertThat(subscription.isOpen()).isFalse();
        assertThat(fanout.subscriberCount(A)).isZero();
    }

    @Test
    void a_subscriber_too_far_behind_is_dropped_and_told_while_others_keep_receiving() {
        ManualExecutor executor = new ManualExecutor();
        InProcessEventFanout fanout = new InProcessEventFanout(3, executor);
        AtomicInteger overflows = new AtomicInteger();
        List<FeedEvent> slow = new ArrayList<>();
        EventSubscription slowSubscription = fanout.subscribe(A, new FeedSubscriber() {
            @Override
            public void onEvent(FeedEvent event) {
                slow.add(event);
            }

            @Override
            public void onOverflow() {
                overflows.incrementAndGet();
            }
        });

        for (int i = 0; i < 5; i++) {
            fanout.publish(event(A)); // nothing drains: the backlog grows past 3
        }
        List<FeedEvent> healthy = new ArrayList<>();
        fanout.subscribe(A, healthy::add);
        FeedEvent later = event(A);
        fanout.publish(later);
        executor.runAll();

        assertThat(overflows).hasValue(1);
        assertThat(slowSubscription.isOpen()).isFalse();
        assertThat(slow).isEmpty();
        assertThat(healthy).containsExactly(later);
        assertThat(fanout.subscriberCount(A)).isEqualTo(1);
    }

    @Test
    void a_failing_subscriber_does_not_stop_delivery_to_itself_or_others() {
        ManualExecutor executor = new ManualExecutor();
        InProcessEventFanout fanout = new InProcessEventFanout(100, executor);
        AtomicInteger calls = new AtomicInteger();
        fanout.subscribe(A, e -> {
            calls.incrementAndGet();
            throw new IllegalStateException("boom");
        });
        List<FeedEvent> other = new ArrayList<>();
        fanout.subscribe(A, other::add);

        fanout.publish(event(A));
        fanout.publish(event(A));
        executor.runAll();

        assertThat(calls).hasValue(2);
        assertThat(other).hasSize(2);
    }

    @Test
    void concurrent_subscribe_unsubscribe_and_publish_lose_nothing_for_steady_subscribers() throws Exception {
        InProcessEventFanout fanout = new InProcessEventFanout(100_000);
        int events = 3_000;
        int steadyCount = 20;
        List<List<FeedEvent>> steadyA = new ArrayList<>();
        List<List<FeedEvent>> steadyB = new ArrayList<>();
        CountDownLatch allDelivered = new CountDownLatch(steadyCount * 2);
        for (int i = 0; i < steadyCount; i++) {
            steadyA.add(subscribeCounting(fanout, A, events, allDelivered));
            steadyB.add(subscribeCounting(fanout, B, events, allDelivered));
        }

        List<FeedEvent> publishedA = Collections.synchronizedList(new ArrayList<>());
        List<FeedEvent> publishedB = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean publishing = new AtomicBoolean(true);
        AtomicInteger churned = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(6);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Future<?>> work = new ArrayList<>();
        work.add(threads.submit(() -> publish(fanout, A, events, publishedA, start)));
        work.add(threads.submit(() -> publish(fanout, B, events, publishedB, start)));
        for (int t = 0; t < 4; t++) {
            TenantId tenant = t % 2 == 0 ? A : B;
            work.add(threads.submit(() -> {
                await(start);
                while (publishing.get()) {
                    List<FeedEvent> seen = Collections.synchronizedList(new ArrayList<>());
                    EventSubscription s = fanout.subscribe(tenant, seen::add);
                    Thread.onSpinWait();
                    s.close();
                    churned.incrementAndGet();
                    synchronized (seen) {
                        assertThat(seen).allMatch(e -> e.tenant().equals(tenant));
                    }
                }
            }));
        }
        work.get(0).get(60, TimeUnit.SECONDS);
        work.get(1).get(60, TimeUnit.SECONDS);
        publishing.set(false);
        for (Future<?> f : work) {
            f.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(allDelivered.await(60, TimeUnit.SECONDS)).isTrue();
        for (List<FeedEvent> received : steadyA) {
            assertThat(received).containsExactlyElementsOf(publishedA);
        }
        for (List<FeedEvent> received : steadyB) {
            assertThat(received).containsExactlyElementsOf(publishedB);
        }
        assertThat(churned.get()).isPositive();
        // every churned subscription was removed: only the steady ones remain
        assertThat(fanout.subscriberCount(A)).isEqualTo(steadyCount);
        assertThat(fanout.subscriberCount(B)).isEqualTo(steadyCount);
    }

    private static List<FeedEvent> subscribeCounting(InProcessEventFanout fanout, TenantId tenant, int expected,
                                                     CountDownLatch done) {
        List<FeedEvent> received = Collections.synchronizedList(new ArrayList<>());
        fanout.subscribe(tenant, e -> {
            received.add(e);
            if (received.size() == expected) {
                done.countDown();
            }
        });
        return received;
    }

    private static void publish(InProcessEventFanout fanout, TenantId tenant, int count, List<FeedEvent> published,
                                CyclicBarrier start) {
        await(start);
        for (int i = 0; i < count; i++) {
            FeedEvent e = event(tenant);
            published.add(e);
            fanout.publish(e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
