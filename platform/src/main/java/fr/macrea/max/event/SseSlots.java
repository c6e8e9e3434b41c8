package fr.macrea.max.event;

import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.TenantId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The caps on open SSE streams of this node: per user and per tenant ({@code max.events.max-streams-per-user},
 * {@code max.events.max-streams-per-tenant}). Without them, one client opening hundreds of streams holds sockets,
 * mailboxes and heartbeats until the whole server slows down. A slot is taken before the stream is created and
 * given back exactly once, when the stream ends for any reason (closed, timed out, failed write of a vanished
 * client, server shutdown). Connections are rare next to events: one lock over both counts keeps them exact.
 */
final class SseSlots {

    private final int perUser;
    private final int perTenant;
    private final Map<Long, Integer> users = new HashMap<>();
    private final Map<TenantId, Integer> tenants = new HashMap<>();

    SseSlots(int perUser, int perTenant) {
        this.perUser = perUser;
        this.perTenant = perTenant;
    }

    /** A slot for one more stream of this user, or why not (the message of the 429). */
    synchronized Acquired acquire(long userId, TenantId tenant) {
        if (users.getOrDefault(userId, 0) >= perUser) {
            return new Acquired(null, Optional.of(Message.of("event.stream.too-many-user", perUser)));
        }
        if (tenants.getOrDefault(tenant, 0) >= perTenant) {
            return new Acquired(null, Optional.of(Message.of("event.stream.too-many-tenant", perTenant)));
        }
        users.merge(userId, 1, Integer::sum);
        tenants.merge(tenant, 1, Integer::sum);
        return new Acquired(new Slot(userId, tenant), Optional.empty());
    }

    synchronized int openFor(TenantId tenant) {
        return tenants.getOrDefault(tenant, 0);
    }

    private synchronized void release(long userId, TenantId tenant) {
        // remove the entry at zero, so the maps hold only users and tenants with open streams
        users.computeIfPresent(userId, (k, n) -> n > 1 ? n - 1 : null);
        tenants.computeIfPresent(tenant, (k, n) -> n > 1 ? n - 1 : null);
    }

    /** Either a slot or the refusal. */
    record Acquired(Slot slot, Optional<Message> refusal) {
    }

    /** One taken slot; releasing it twice gives back one. */
    final class Slot implements Runnable {
        private final long userId;
        private final TenantId tenant;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(long userId, TenantId tenant) {
            this.userId = userId;
            this.tenant = tenant;
        }

        @Override
        public void run() {
            if (released.compareAndSet(false, true)) {
                release(userId, tenant);
            }
        }
    }
}
