package fr.macrea.max.event;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON of event details (stored in the feed) and of whole events (SSE {@code data:}). */
final class EventJson {

    /** Details larger than this are replaced by a marker: the feed is a journal, not a document store. */
    static final int MAX_DATA_CHARS = 16_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private EventJson() {
    }

    static String details(Map<String, Object> data) {
        String json;
        try {
            json = JSON.writeValueAsString(data == null ? Map.of() : data);
        } catch (JacksonException e) {
            // a feature put a value Jackson cannot write: keep the event, with the values as text
            Map<String, Object> asText = new LinkedHashMap<>();
            data.forEach((key, value) -> asText.put(key, String.valueOf(value)));
            json = JSON.writeValueAsString(asText);
        }
        return json.length() > MAX_DATA_CHARS ? "{\"truncated\":true}" : json;
    }

    static Map<String, Object> parse(String json) {
        try {
            return json == null || json.isBlank() ? Map.of() : JSON.readValue(json, MAP);
        } catch (JacksonException e) {
            return Map.of();
        }
    }

    /** The SSE {@code data:} of an event: one line of JSON (Jackson escapes newlines inside strings). */
    static String event(FeedEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.id());
        body.put("type", event.type());
        body.put("summary", event.summary());
        body.put("occurredAt", event.occurredAt().toString());
        body.put("data", event.data());
        return JSON.writeValueAsString(body);
    }
}
