package fr.macrea.max.event;

import jakarta.annotation.PreDestroy;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.NoTenantException;
import fr.macrea.max.shared.TenantId;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/v1/events}: the live events of the caller's tenant as Server-Sent Events ({@code id:} = feed id,
 * {@code event:} = type, {@code data:} = JSON). Authenticated by the API chain (HTTP Basic); the tenant is the
 * principal's current tenant. A {@code Last-Event-ID} header first replays the stored events after that id.
 * Connections are held asynchronously (no request thread per client); each one costs a mailbox and a parked
 * virtual thread only while it is sending. Open streams are capped per user and per tenant ({@link SseSlots}):
 * one more answers 429 with a JSON error.
 */
@RestController
class EventStreamController {

    static final long RECONNECT_MILLIS = 3_000;

    private final EventFeedService feed;
    private final EventProperties properties;
    private final TenantContext context;
    private final SseSlots slots;
    private final SseFrames frames = new SseFrames();
    private final Set<SseSession> sessions = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sse-", 0).factory());
    private final ScheduledExecutorService heartbeats =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("sse-heartbeat").daemon().factory());

    EventStreamController(EventFeedService feed, EventProperties properties, TenantContext context) {
        this.feed = feed;
        this.properties = properties;
        this.context = context;
        this.slots = new SseSlots(properties.maxStreamsPerUser(), properties.maxStreamsPerTenant());
        long every = properties.heartbeat().toMillis();
        heartbeats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    @GetMapping("/api/v1/events")
    ResponseEntity<?> stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        OptionalLong resumeAfter;
        try {
            resumeAfter = resumePoint(lastEventId);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    // API clients have no UI to render a key: the product's language, from the bundle
                    .body(FrenchMessages.render(Message.of("event.stream.bad-last-event-id")));
        }
        MaxPrincipal principal = context.principal().orElseThrow(NoTenantException::new);
        TenantId tenant = context.current(); // a caller without a tenant is refused (403)
        SseSlots.Acquired acquired = slots.acquire(principal.userId(), tenant);
        if (acquired.slot() == null) {
            Message refusal = acquired.refusal().orElseThrow();
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", FrenchMessages.render(refusal), "key", refusal.key()));
        }
        SseEmitter emitter = new SseEmitter(properties.sseTimeout().toMillis());
        SseSlots.Slot slot = acquired.slot();
        SseSession session = new SseSession(emitter, frames, resumeAfter, properties.subscriberBacklog(),
                closed -> {
                    sessions.remove(closed);
                    slot.run(); // every end of a stream comes through close(): its slot is free again
                });
        emitter.onCompletion(session::close);
        emitter.onTimeout(session::close);
        emitter.onError(e -> session.close());
        // subscribe before reading the stored events, so nothing committed in between is missed (duplicates are
        // dropped by id)
        try {
            session.attach(feed.subscribe(session));
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        sessions.add(session);
        // a first frame right away: the response (headers included) is committed now, not at the first event, and
        // EventSource clients learn how soon to reconnect
        try {
            emitter.send(SseEmitter.event().reconnectTime(RECONNECT_MILLIS).comment("connected"));
        } catch (java.io.IOException e) {
            session.close();
            throw new java.io.UncheckedIOException(e);
        }
        if (resumeAfter.isPresent()) {
            workers.execute(new DelegatingSecurityContextRunnable(
                    () -> session.replay(after -> feed.after(after, EventFeedService.MAX_PAGE))));
        }
        return ResponseEntity.ok()
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }

    static OptionalLong resumePoint(String header) {
        if (header == null || header.isBlank()) {
            return OptionalLong.empty();
        }
        long id = Long.parseLong(header.strip()); // NumberFormatException is an IllegalArgumentException
        if (id < 0) {
            throw new IllegalArgumentException("negative event id");
        }
        return OptionalLong.of(id);
    }

    /** Open SSE connections of this node. */
    int openStreams() {
        return sessions.size();
    }

    /** Slots held by the tenant's open streams on this node. */
    int slotsOf(TenantId tenant) {
        return slots.openFor(tenant);
    }

    private void beat() {
        for (SseSession session : sessions) {
            workers.execute(session::heartbeat);
        }
    }

    /**
     * Ends every stream as soon as the application starts closing, before the web server's graceful shutdown
     * would wait for them and then time them out; clients reconnect (to another node) with Last-Event-ID.
     */
    @EventListener(ContextClosedEvent.class)
    void closing() {
        heartbeats.shutdownNow();
        sessions.forEach(session -> session.end(null));
    }

    @PreDestroy
    void shutdown() {
        heartbeats.shutdownNow();
        workers.shutdown();
    }
}
