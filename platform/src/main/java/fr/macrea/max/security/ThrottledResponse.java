package fr.macrea.max.security;

import fr.macrea.max.shared.FrenchMessages;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The API's answer to a throttled HTTP Basic sign-in: 429, Retry-After in seconds, and the usual JSON error. */
final class ThrottledResponse {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ThrottledResponse() {
    }

    static void write(HttpServletResponse response, LoginThrottledException throttled) throws IOException {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(throttled.retryAfter().toSeconds()));
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // API clients have no UI to render a key: the product's language, from the bundle, and the key
        response.getWriter().write(JSON.writeValueAsString(Map.of(
                "error", FrenchMessages.render(throttled.message()), "key", throttled.message().key())));
    }
}
