package fr.macrea.max.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * The address recipients of a message reach M.A.X. at (images, tracking pixel, redirect and unsubscribe links):
 * a message leaves the server, so its links cannot be relative to a browser session. Set {@code max.public-url}
 * to the public origin in production (docs/operations.md); {@code ./max run} sets it to the address it serves.
 *
 * @param publicUrl origin with scheme, host and port, without a trailing slash
 */
@ConfigurationProperties("max")
public record PublicUrls(@DefaultValue("http://localhost:8080") String publicUrl) {

    public PublicUrls {
        URI uri = URI.create(publicUrl);
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
            throw new IllegalArgumentException("max.public-url must be an http(s) origin, e.g. https://max.example.fr");
        }
        publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** The absolute link of a path of this server ({@code path} starts with {@code /}). */
    public String link(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
        return publicUrl + path;
    }
}
