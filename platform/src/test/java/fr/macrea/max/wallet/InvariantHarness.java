package fr.macrea.max.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The wallet invariants under concurrency: {@code threads} clients spend random amounts on one wallet, some
 * failing after their reservation (refund); afterwards the balance must never be negative, must equal the initial
 * balance minus what was charged, and must equal the ledger sum, to the token.
 */
final class InvariantHarness {

    record Report(long initial, long charged, long balance, long ledgerSum, int attempts, int refused) {

        List<String> violations() {
            List<String> v = new ArrayList<>();
            if (balance < 0) {
                v.add("overdraft: balance " + balance);
            }
            if (balance != initial - charged) {
                v.add("balance " + balance + " != initial " + initial + " - charged " + charged);
            }
            if (balance != ledgerSum) {
                v.add("balance " + balance + " != ledger " + ledgerSum);
            }
            return v;
        }
    }

    private InvariantHarness() {
    }

    static Report run(SpendingWallet wallet, long initial, int threads, int attemptsPerThread, double failureRate,
                      Consumer<Integer> perThreadSetup) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicLong charged = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            futures.add(pool.submit(() -> {
                perThreadSetup.accept(index);
                start.await();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < attemptsPerThread; i++) {
                    int amount = 1 + random.nextInt(5);
                    boolean fail = random.nextDouble() < failureRate;
                    int spent = wallet.spend(amount, fail);
                    charged.addAndGet(spent);
                    if (spent == 0 && !fail) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return new Report(initial, charged.get(), wallet.balance(), wallet.ledgerSum(), threads * attemptsPerThread,
                (int) refused.get());
    }
}
