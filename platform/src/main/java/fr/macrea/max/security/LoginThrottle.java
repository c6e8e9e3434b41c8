package fr.macrea.max.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Brute-force throttling of sign-ins (form login and HTTP Basic): one token bucket per client address and one per
 * account, both consumed by every attempt before the password is checked, so parallel guesses are counted too.
 * A successful sign-in gives the address its token back and refills the account. A bucket emptied by failures
 * refuses the attempt without checking the password, until a token comes back ({@link LoginProperties}: budgets
 * refill gradually over the window); one emptied by attempts still being checked (a burst of parallel sign-ins)
 * refuses it with a retry after one second. Buckets are per node and forgotten once full again (Caffeine expiry).
 * Every failure and every refusal writes an audit line: account, address, counts; never the password.
 */
@Component
public class LoginThrottle {

    private static final Logger audit = LoggerFactory.getLogger("fr.macrea.max.audit.login");

    private final LoginProperties properties;
    private final TimeMeter time;
    private final Cache<String, Budget> addresses;
    private final Cache<String, Budget> accounts;

    LoginThrottle(LoginProperties properties, Clock clock) {
        this.properties = properties;
        this.time = new ClockTimeMeter(clock);
        Ticker ticker = time::currentTimeNanos;
        this.addresses = cache(properties, ticker);
        this.accounts = cache(properties, ticker);
    }

    private static Cache<String, Budget> cache(LoginProperties properties, Ticker ticker) {
        // a budget untouched for a whole window is full again: forgetting it changes nothing
        return Caffeine.newBuilder().ticker(ticker).expireAfterAccess(properties.window())
                .maximumSize(properties.trackedKeys()).build();
    }

    /**
     * Takes one attempt from the address's and the account's budgets, until {@link #succeeded}, {@link #failed}
     * or {@link #abandoned} settles it.
     *
     * @throws LoginThrottledException when either is spent; nothing is taken then
     */
    public void acquire(LoginKey key) {
        Budget address = addresses.get(key.address(), k -> budget(properties.addressAttempts()));
        ConsumptionProbe byAddress = address.take();
        if (!byAddress.isConsumed()) {
            throw refused(key, "address", address, byAddress);
        }
        Budget account = accounts.get(key.account(), k -> budget(properties.accountAttempts()));
        ConsumptionProbe byAccount = account.take();
        if (!byAccount.isConsumed()) {
            address.settle(true);
            throw refused(key, "account", account, byAccount);
        }
    }

    /** The attempt signed in: it does not count against the address, and the account starts afresh. */
    public void succeeded(LoginKey key) {
        settle(addresses, key.address(), true);
        Budget account = accounts.getIfPresent(key.account());
        if (account != null) {
            account.settle(false);
            account.bucket().reset();
        }
    }

    /** The attempt had wrong credentials: it stays counted. */
    public void failed(LoginKey key) {
        settle(addresses, key.address(), false);
        settle(accounts, key.account(), false);
        audit.warn("login failed account={} address={} failures-account={}/{} failures-address={}/{}",
                key.account(), key.address(), failures(accounts, key.account()), properties.accountAttempts(),
                failures(addresses, key.address()), properties.addressAttempts());
    }

    /** The attempt could not be judged (e.g. the database was down): it is given back entirely. */
    public void abandoned(LoginKey key) {
        settle(addresses, key.address(), true);
        settle(accounts, key.account(), true);
    }

    private LoginThrottledException refused(LoginKey key, String which, Budget budget, ConsumptionProbe probe) {
        if (budget.failures() < budget.capacity()) {
            // not spent by failures: attempts of this key are being checked right now (a burst of parallel
            // sign-ins); they settle within a password check, so the client may retry at once
            audit.warn("login busy account={} address={} limit={} checks-in-progress={}", key.account(),
                    key.address(), which, budget.pending().get());
            return new LoginThrottledException(Duration.ofSeconds(1));
        }
        Duration retryAfter = Duration.ofNanos(probe.getNanosToWaitForRefill()).truncatedTo(ChronoUnit.SECONDS)
                .plusSeconds(1);
        audit.warn("login throttled account={} address={} limit={} retry-after={}s failures-account={} "
                        + "failures-address={}", key.account(), key.address(), which, retryAfter.toSeconds(),
                failures(accounts, key.account()), failures(addresses, key.address()));
        return new LoginThrottledException(retryAfter);
    }

    private Budget budget(int attempts) {
        Bucket bucket = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(attempts).refillGreedy(attempts, properties.window()).build())
                .withCustomTimePrecision(time)
                .build();
        return new Budget(bucket, attempts, new AtomicInteger());
    }

    private static void settle(Cache<String, Budget> budgets, String key, boolean giveBack) {
        Budget budget = budgets.getIfPresent(key);
        if (budget != null) {
            budget.settle(giveBack);
        }
    }

    private static long failures(Cache<String, Budget> budgets, String key) {
        Budget budget = budgets.getIfPresent(key);
        return budget == null ? 0 : budget.failures();
    }

    /**
     * One key's bucket and the attempts of it still being checked: the tokens they hold are not failures (yet),
     * which tells a spent budget from a burst of parallel sign-ins.
     */
    private record Budget(Bucket bucket, int capacity, AtomicInteger pending) {

        ConsumptionProbe take() {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                pending.incrementAndGet();
            }
            return probe;
        }

        void settle(boolean giveBack) {
            if (pending.getAndUpdate(n -> Math.max(0, n - 1)) > 0 && giveBack) {
                bucket.addTokens(1); // capped at the capacity by Bucket4j
            }
        }

        long failures() {
            return Math.max(0, capacity - bucket.getAvailableTokens() - pending.get());
        }
    }

    /** Bucket4j's time source read from the application's clock, so tests move time instead of sleeping. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return ChronoUnit.NANOS.between(Instant.EPOCH, clock.instant());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
