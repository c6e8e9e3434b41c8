package fr.macrea.max.outbound;

import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.TenantId;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Messages per second and per tenant (a bucket4j token bucket per tenant on this node): one tenant's big send
 * neither floods its SMTP server nor takes every sending thread from the others.
 */
@Component
class SendRateLimiter {

    private final TenantContext context;
    private final int perSecond;
    private final ConcurrentHashMap<TenantId, Bucket> buckets = new ConcurrentHashMap<>();

    SendRateLimiter(TenantContext context, OutboundProperties properties) {
        this.context = context;
        this.perSecond = Math.max(1, properties.ratePerSecond());
    }

    /** Waits until the current tenant may send {@code messages} more. */
    void acquire(int messages) {
        Bucket bucket = buckets.computeIfAbsent(context.current(), t -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build());
        int left = messages;
        try {
            while (left > 0) {
                int take = Math.min(left, perSecond);
                bucket.asBlocking().consume(take);
                left -= take;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryInterruptedException("interrupted while rate-limited", e);
        }
    }
}
