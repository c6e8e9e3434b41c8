package fr.macrea.max.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Group commit for one hot wallet: concurrent callers' items are written together by whichever caller gets a
 * writer slot, so the wallet row is locked once per batch. A few batches may be in flight at once, so that one
 * batch waiting for its commit to reach the disk does not stop the next one from taking the row lock.
 */
final class GroupCommit<I, O> {

    static final class Item<I, O> {
        final I input;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile boolean taken;
        private volatile O result;
        private volatile RuntimeException error;

        Item(I input) {
            this.input = input;
        }

        void complete(O value) {
            result = value;
            done.countDown();
        }

        void fail(RuntimeException e) {
            error = e;
            done.countDown();
        }

        boolean open() {
            return done.getCount() > 0;
        }

        O await() {
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (error != null) {
                throw error;
            }
            return result;
        }
    }

    private final ConcurrentLinkedQueue<Item<I, O>> queue = new ConcurrentLinkedQueue<>();
    private final Semaphore writers;
    private final int maxBatch;

    GroupCommit(int writers, int maxBatch) {
        this.writers = new Semaphore(writers);
        this.maxBatch = maxBatch;
    }

    /** Queues the input and returns its outcome once some caller (maybe this one) has written it. */
    O submit(I input, Consumer<List<Item<I, O>>> writer) {
        Item<I, O> item = new Item<>(input);
        queue.add(item);
        while (!item.taken) {
            writers.acquireUninterruptibly();
            try {
                List<Item<I, O>> batch = new ArrayList<>();
                for (Item<I, O> next; batch.size() < maxBatch && (next = queue.poll()) != null; ) {
                    next.taken = true;
                    batch.add(next);
                }
                if (!batch.isEmpty()) {
                    try {
                        writer.accept(batch);
                    } catch (RuntimeException e) {
                        batch.stream().filter(Item::open).forEach(i -> i.fail(e));
                    } finally {
                        IllegalStateException unanswered = new IllegalStateException("reservation not processed");
                        batch.stream().filter(Item::open).forEach(i -> i.fail(unanswered));
                    }
                }
            } finally {
                writers.release();
            }
        }
        return item.await();
    }
}
