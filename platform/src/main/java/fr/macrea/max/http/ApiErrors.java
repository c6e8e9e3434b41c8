package fr.macrea.max.http;

import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.Message;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error body of every {@code /api/} answer: {@code {"error": <French text>, "key": <message key>}}. API callers
 * (EspoCRM, n8n, scripts) have no language: the key is for machines, the French text (the product's first language)
 * for the administrator reading a log.
 */
public final class ApiErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiErrors() {
    }

    public static Map<String, Object> body(Message message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", FrenchMessages.render(message));
        body.put("key", message.key());
        return body;
    }

    static Message tooLarge(long limit) {
        return Message.of("http.body.too-large", limit);
    }

    /** The message for a status the API answers without a body of its own (Spring's or the container's errors). */
    static Message forStatus(int status) {
        return switch (status) {
            case 400 -> Message.of("http.error.bad-request");
            case 401 -> Message.of("http.error.unauthorized");
            case 403 -> Message.of("http.error.forbidden");
            case 404 -> Message.of("http.error.not-found");
            case 405 -> Message.of("http.error.method-not-allowed");
            case 406, 415 -> Message.of("http.error.media-type");
            case 429 -> Message.of("http.error.too-many-requests");
            default -> status >= 500 ? Message.of("http.error.internal") : Message.of("http.error.status", status);
        };
    }

    /** Writes the status and the JSON error body on a response that is not committed yet. */
    static void write(HttpServletResponse response, int status, Message message) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body(message));
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }
}
