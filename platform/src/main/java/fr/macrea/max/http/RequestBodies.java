package fr.macrea.max.http;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body into memory, never more than {@code max.http.max-body-size}: a declared length beyond the limit
 * is refused before reading anything, and a body without a length (chunked) or with a false one is cut at the limit.
 * For endpoints that need the raw bytes (a webhook's signature covers them) and must check who calls first.
 */
@Component
public class RequestBodies {

    private final int limit;

    RequestBodies(HttpProperties properties) {
        this.limit = properties.maxBodyBytes();
    }

    /** The whole body, or {@link BodyTooLargeException} once it would pass the limit. */
    public byte[] read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > limit) {
            throw new BodyTooLargeException(limit);
        }
        // not closed: the container finishes (or drops) the rest of the body itself
        InputStream in = request.getInputStream();
        // readNBytes grows its buffer chunk by chunk, up to limit + 1 bytes at most
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            throw new BodyTooLargeException(limit);
        }
        return body;
    }
}
