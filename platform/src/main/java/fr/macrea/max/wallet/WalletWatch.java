package fr.macrea.max.wallet;

import fr.macrea.max.event.EventFanout;
import fr.macrea.max.event.EventSubscription;
import fr.macrea.max.event.FeedEvent;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.TenantId;
import jakarta.annotation.PreDestroy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * "The balance of this tenant moved": a live signal on the event fan-out (in-process, or relayed over Redis to every
 * node) after each committed reservation, refund, expiry, top-up or period start, whoever caused it (any screen, a
 * colleague, a job, the assistant). Open UIs follow it to refresh their badge and their cards' balance after.
 * <p>
 * A signal, not a stored feed event: one feed row per reservation would double the writes of the wallet's hot path
 * and flood the activity feed. Signals of one tenant are coalesced and published off the caller's thread, so the
 * cost on the hot path is one set insertion; a change made while a signal is being published gets a signal of its
 * own, so a follower that re-reads the balance on a signal never stays stale. Commits send none: committing held
 * tokens does not change the balance (they were deducted at reservation).
 */
@Service
public class WalletWatch {

    public static final String BALANCE_CHANGED = "wallet.balance.changed";

    private final EventFanout fanout;
    private final TenantContext context;
    private final Clock clock;
    private final Set<TenantId> pending = ConcurrentHashMap.newKeySet();
    private final ExecutorService publisher = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("wallet-signal-", 0).factory());

    WalletWatch(EventFanout fanout, TenantContext context, Clock clock) {
        this.fanout = fanout;
        this.context = context;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        publisher.shutdownNow();
    }

    /**
     * Calls {@code onChange} (on a fan-out thread, with no security context) after each change of the current
     * tenant's balance, until the subscription is closed.
     */
    @PreAuthorize("hasRole('TENANT_USER')")
    public EventSubscription follow(Runnable onChange) {
        return fanout.subscribe(context.current(), event -> {
            if (event.isSignal() && BALANCE_CHANGED.equals(event.type())) {
                onChange.run();
            }
        });
    }

    /** The balance of {@code tenant} changed and that change is committed. */
    void changed(TenantId tenant) {
        if (pending.add(tenant)) {
            try {
                publisher.execute(() -> {
                    pending.remove(tenant);
                    fanout.publish(FeedEvent.signal(tenant, BALANCE_CHANGED, clock.instant(), Map.of()));
                });
            } catch (RejectedExecutionException shuttingDown) {
                pending.remove(tenant);
            }
        }
    }
}
