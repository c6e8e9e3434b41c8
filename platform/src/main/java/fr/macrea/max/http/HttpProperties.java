package fr.macrea.max.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the HTTP endpoints under {@code /api/}.
 *
 * @param maxBodySize largest request body accepted by any {@code /api/} endpoint (webhooks included); beyond it the
 *                    request is answered 413 without reading the rest. {@code max-platform.properties} gives Tomcat's
 *                    swallow and form-post limits the same value.
 */
@ConfigurationProperties("max.http")
public record HttpProperties(@DefaultValue("1MB") DataSize maxBodySize) {

    public HttpProperties {
        if (maxBodySize.toBytes() < 1 || maxBodySize.toBytes() >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("max.http.max-body-size must be between 1 byte and 2 GB");
        }
    }

    /** The limit in bytes. */
    public int maxBodyBytes() {
        return (int) maxBodySize.toBytes();
    }
}
