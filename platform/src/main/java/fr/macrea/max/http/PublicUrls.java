package fr.macrea.max.http;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The absolute links of this server that leave inside messages (images, tracking pixel, redirect and unsubscribe
 * links): a message leaves the server, so its links cannot be relative to a browser session. They start with
 * {@code max.public-url} when it is set (production), else with the local address the server really listens on
 * (read when a link is made, so that a random or {@code PORT}-chosen port is the right one).
 */
@Component
public class PublicUrls {

    private final PublicUrlProperties properties;
    private final Environment environment;

    PublicUrls(PublicUrlProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** The absolute link of a path of this server ({@code path} starts with {@code /}). */
    public String link(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
        return origin() + path;
    }

    private String origin() {
        if (properties.publicUrl() != null) {
            return properties.publicUrl();
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
    }
}
