package fr.macrea.max.event;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Encoded SSE frames ({@code id:}, {@code event:}, {@code data:}), built once per event and shared by every
 * connection of its tenant: with thousands of subscribers, per-connection JSON and text encoding would dominate the
 * cost of a delivery. A small direct-mapped cache keyed by event id holds the recent frames.
 */
final class SseFrames {

    private static final int SLOTS = 1024;
    private static final MediaType BYTES = MediaType.APPLICATION_OCTET_STREAM;

    private record Slot(long id, byte[] frame) {
    }

    private final AtomicReferenceArray<Slot> recent = new AtomicReferenceArray<>(SLOTS);

    /** The complete frame of an event, as one pre-encoded write. */
    SseEmitter.SseEventBuilder frameOf(FeedEvent event) {
        int index = (int) Math.floorMod(event.id(), (long) SLOTS);
        Slot slot = recent.get(index);
        if (slot == null || slot.id() != event.id()) {
            slot = new Slot(event.id(), encode(event));
            recent.set(index, slot);
        }
        return new Prepared(slot.frame());
    }

    static byte[] encode(FeedEvent event) {
        // the type comes from our own features, but a line break in it would break the framing: never let one through
        String type = event.type().replaceAll("[\\r\\n]", " ");
        return ("id:" + event.id() + "\nevent:" + type + "\ndata:" + EventJson.event(event) + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A ready frame written as raw bytes (the response headers are committed already). */
    private record Prepared(byte[] frame) implements SseEmitter.SseEventBuilder {

        @Override
        public Set<DataWithMediaType> build() {
            return Set.of(new DataWithMediaType(frame, BYTES));
        }

        @Override
        public SseEmitter.SseEventBuilder id(String id) {
            throw new UnsupportedOperationException("prepared frame");
        }

        @Override
        public SseEmitter.SseEventBuilder name(String eventName) {
            throw new UnsupportedOperationException("prepared frame");
        }

        @Override
        public SseEmitter.SseEventBuilder reconnectTime(long reconnectTimeMillis) {
            throw new UnsupportedOperationException("prepared frame");
        }

        @Override
        public SseEmitter.SseEventBuilder comment(String comment) {
            throw new UnsupportedOperationException("prepared frame");
        }

        @Override
        public SseEmitter.SseEventBuilder data(Object object) {
            throw new UnsupportedOperationException("prepared frame");
        }

        @Override
        public SseEmitter.SseEventBuilder data(Object object, MediaType mediaType) {
            throw new UnsupportedOperationException("prepared frame");
        }
    }
}
