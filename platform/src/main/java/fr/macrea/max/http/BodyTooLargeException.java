package fr.macrea.max.http;

import fr.macrea.max.shared.Message;

import java.io.IOException;

/**
 * A request body is larger than {@code max.http.max-body-size}. An {@link IOException}, so that it travels through
 * every reader of the request stream (Jackson, Spring's converters) up to the {@code /api/} filter, which answers 413.
 */
public final class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    /** The message for the caller, naming the limit. */
    public Message message() {
        return ApiErrors.tooLarge(limit);
    }
}
