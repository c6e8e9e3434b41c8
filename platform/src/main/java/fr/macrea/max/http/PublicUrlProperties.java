package fr.macrea.max.http;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * {@code max.public-url}: the public origin recipients of messages reach M.A.X. at (docs/operations.md). Unset, the
 * links point at the local address the server listens on ({@link PublicUrls}), which is right for {@code ./max run}
 * only.
 *
 * @param publicUrl origin with scheme, host and port (e.g. {@code https://max.example.fr}), or null
 */
@ConfigurationProperties("max")
public record PublicUrlProperties(String publicUrl) {

    public PublicUrlProperties {
        if (publicUrl != null && !publicUrl.isBlank()) {
            URI uri = URI.create(publicUrl);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException("max.public-url must be an http(s) origin, e.g. https://max.example.fr");
            }
            publicUrl = publicUrl.replaceAll("/+$", "");
        } else {
            publicUrl = null;
        }
    }
}
