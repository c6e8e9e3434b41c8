package fr.macrea.max.http;

import java.io.IOException;

/**
 * A request body not read yet: a service calls {@link #read()} only once it knows the caller may send one (a webhook
 * after its hook key named a tenant), so that an anonymous request costs no memory.
 */
@FunctionalInterface
public interface BodySource {

    /** The body, or {@link BodyTooLargeException} past {@code max.http.max-body-size}. */
    byte[] read() throws IOException;
}
