package fr.macrea.max.outbound;

import java.util.Map;
import java.util.stream.Collectors;

/** One recipient's message, ready for an adapter: personalised, sanitised, with its tracking links and headers. */
record Rendered(long recipientId, String to, String subject, String html, boolean isHtml, Map<String, String> headers) {

    String headerLines() {
        return headers.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
    }
}
