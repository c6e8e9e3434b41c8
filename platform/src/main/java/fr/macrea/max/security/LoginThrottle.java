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

/**
 * Brute-force throttling of sign-ins (form login and HTTP Basic): one token bucket per client address and one per
 * account, both consumed by every attempt before the password is checked, so parallel guesses are counted too.
 * A successful sign-in gives the address its token back and refills the account. An empty bucket refuses the
 * attempt without checking the password, until a token comes back ({@link LoginProperties}: budgets refill
 * gradually over the window). Buckets are per node and forgotten once full again (Caffeine expiry).
 * Every failure and every refusal writes an audit line: account, address, counts; never the password.
 */
@Component
public class LoginThrottle {

    private static final Logger audit = LoggerFactory.getLogger("fr.macrea.max.audit.login");

    private final LoginProperties properties;
    private final TimeMeter time;
    private final Cache<String, Bucket> addresses;
    private final Cache<String, Bucket> accounts;

    LoginThrottle(LoginProperties properties, Clock clock) {
        this.properties = properties;
        this.time = new ClockTimeMeter(clock);
        Ticker ticker = time::currentTimeNanos;
        this.addresses = cache(properties, ticker);
        this.accounts = cache(properties, ticker);
    }

    private static Cache<String, Bucket> cache(LoginProperties properties, Ticker ticker) {
        // a bucket untouched for a whole window is full again: forgetting it changes nothing
        return Caffeine.newBuilder().ticker(ticker).expireAfterAccess(properties.window())
                .maximumSize(properties.trackedKeys()).build();
    }

    /**
     * Takes one attempt from the address's and the account's budgets.
     *
     * @throws LoginThrottledException when either is spent; nothing is taken then
     */
    public void acquire(LoginKey key) {
        Bucket address = addresses.get(key.address(), k -> bucket(properties.addressAttempts()));
        ConsumptionProbe byAddress = address.tryConsumeAndReturnRemaining(1);
        if (!byAddress.isConsumed()) {
            throw refused(key, "address", byAddress);
        }
        Bucket account = accounts.get(key.account(), k -> bucket(properties.accountAttempts()));
        ConsumptionProbe byAccount = account.tryConsumeAndReturnRemaining(1);
        if (!byAccount.isConsumed()) {
            address.addTokens(1);
            throw refused(key, "account", byAccount);
        }
    }

    /** The attempt signed in: it does not count against the address, and the account starts afresh. */
    public void succeeded(LoginKey key) {
        refund(addresses, key.address());
        Bucket account = accounts.getIfPresent(key.account());
        if (account != null) {
            account.reset();
        }
    }

    /** The attempt had wrong credentials: it stays counted. */
    public void failed(LoginKey key) {
        audit.warn("login failed account={} address={} failures-account={}/{} failures-address={}/{}",
                key.account(), key.address(), used(accounts, key.account(), properties.accountAttempts()),
                properties.accountAttempts(), used(addresses, key.address(), properties.addressAttempts()),
                properties.addressAttempts());
    }

    /** The attempt could not be judged (e.g. the database was down): it is given back entirely. */
    public void abandoned(LoginKey key) {
        refund(addresses, key.address());
        refund(accounts, key.account());
    }

    private LoginThrottledException refused(LoginKey key, String which, ConsumptionProbe probe) {
        Duration retryAfter = Duration.ofNanos(probe.getNanosToWaitForRefill()).truncatedTo(ChronoUnit.SECONDS)
                .plusSeconds(1);
        audit.warn("login throttled account={} address={} limit={} retry-after={}s failures-account={} "
                        + "failures-address={}", key.account(), key.address(), which, retryAfter.toSeconds(),
                used(accounts, key.account(), properties.accountAttempts()),
                used(addresses, key.address(), properties.addressAttempts()));
        return new LoginThrottledException(retryAfter);
    }

    private Bucket bucket(int attempts) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(attempts).refillGreedy(attempts, properties.window()).build())
                .withCustomTimePrecision(time)
                .build();
    }

    private static void refund(Cache<String, Bucket> buckets, String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket != null) {
            bucket.addTokens(1); // capped at the capacity by Bucket4j
        }
    }

    private static long used(Cache<String, Bucket> buckets, String key, int capacity) {
        Bucket bucket = buckets.getIfPresent(key);
        return bucket == null ? 0 : capacity - bucket.getAvailableTokens();
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
