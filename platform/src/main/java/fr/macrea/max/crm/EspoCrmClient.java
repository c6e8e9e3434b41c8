package fr.macrea.max.crm;

import io.github.resilience4j.retry.Retry;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import fr.macrea.max.shared.Message;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EspoCRM's REST API ({@code {site}/api/v1}) for one tenant connection: {@code X-Api-Key} or
 * {@code X-Hmac-Authorization} (hex or legacy raw digest), list calls through {@code searchParams}, errors read from
 * {@code X-Status-Reason} and turned into typed French {@link CrmException}s, bounded retries with exponential
 * backoff on 5xx and connection errors (Resilience4j), never on 4xx.
 */
class EspoCrmClient {

    static final int PAGE = 200;

    private final EspoSettings settings;
    private final HttpClient http;
    private final Retry retry;
    private final Duration timeout;

    EspoCrmClient(EspoSettings settings, HttpClient http, Retry retry, Duration timeout) {
        this.settings = settings;
        this.http = http;
        this.retry = retry;
        this.timeout = timeout;
    }

    record ListResult(long total, List<Map<String, Object>> list) {
    }

    /** Thrown for 5xx and I/O failures so that Resilience4j retries them; never escapes this class. */
    static final class Transient extends RuntimeException {
        final transient Message detail;

        Transient(Message detail, Throwable cause) {
            super(detail.toString(), cause);
            this.detail = detail;
        }
    }

    ListResult list(String entityType, List<Map<String, Object>> where, String orderBy, String order, int offset,
                    int maxSize, boolean withTotal) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("where", where);
        params.put("orderBy", orderBy);
        params.put("order", order);
        params.put("offset", offset);
        params.put("maxSize", maxSize);
        String query = "searchParams=" + URLEncoder.encode(CrmJson.write(params), StandardCharsets.UTF_8)
                + "&offset=" + offset + "&maxSize=" + maxSize;
        Object body = send("GET", "/" + entityType, query, null, withTotal ? Map.of() : Map.of("X-No-Total", "true"));
        Map<String, Object> map = asMap(body);
        long total = map.get("total") instanceof Number n ? n.longValue() : -1;
        List<Map<String, Object>> list = new ArrayList<>();
        if (map.get("list") instanceof List<?> l) {
            l.forEach(o -> list.add(asMap(o)));
        }
        return new ListResult(total, list);
    }

    Map<String, Object> read(String entityType, String id) {
        return asMap(send("GET", "/" + entityType + "/" + id, null, null, Map.of()));
    }

    Map<String, Object> create(String entityType, Map<String, Object> attributes, boolean skipDuplicateCheck) {
        return asMap(send("POST", "/" + entityType, null, attributes,
                skipDuplicateCheck ? Map.of("X-Skip-Duplicate-Check", "true") : Map.of()));
    }

    Map<String, Object> update(String entityType, String id, Map<String, Object> changes) {
        return asMap(send("PUT", "/" + entityType + "/" + id, null, changes, Map.of()));
    }

    void delete(String entityType, String id) {
        send("DELETE", "/" + entityType + "/" + id, null, null, Map.of());
    }

    Object post(String path, Object body) {
        return send("POST", path, null, body, Map.of());
    }

    Object get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    Object deleteWithBody(String path, Object body) {
        return send("DELETE", path, null, body, Map.of());
    }

    private Object send(String method, String path, String query, Object body, Map<String, String> headers) {
        try {
            return retry.executeSupplier(() -> once(method, path, query, body, headers));
        } catch (Transient e) {
            throw new CrmUnavailableException(Message.of("crm.espo.unavailable", e.detail), e);
        }
    }

    private Object once(String method, String path, String query, Object body, Map<String, String> headers) {
        URI uri = URI.create(settings.baseUrl() + "/api/v1" + path + (query == null ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json");
        authenticate(request, method, path);
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(CrmJson.write(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Transient(Message.of("crm.espo.detail.connection"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmUnavailableException(Message.of("crm.espo.interrupted"), e);
        }
        int status = response.statusCode();
        String reason = response.headers().firstValue("X-Status-Reason").orElse("");
        if (status >= 500) {
            throw new Transient(Message.of("crm.espo.detail.status", String.valueOf(status)), null);
        }
        if (status >= 200 && status < 300) {
            String text = response.body();
            return text == null || text.isBlank() ? null : CrmJson.MAPPER.readValue(text, Object.class);
        }
        throw switch (status) {
            case 401 -> new CrmAccessException(Message.of("crm.espo.unauthorized"));
            case 403 -> new CrmAccessException(reason.isBlank() ? Message.of("crm.espo.forbidden")
                    : Message.of("crm.espo.forbidden.reason", reason));
            case 404 -> new CrmNotFoundException(reason.isBlank() ? Message.of("crm.espo.not-found")
                    : Message.of("crm.espo.not-found.reason", reason));
            case 409 -> conflict(reason, response.body());
            case 400 -> new CrmValidationException(validation(reason));
            default -> new CrmException(reason.isBlank() ? Message.of("crm.espo.status", String.valueOf(status))
                    : Message.of("crm.espo.status.reason", String.valueOf(status), reason));
        };
    }

    private static CrmException conflict(String reason, String body) {
        if (reason.toLowerCase().contains("duplicate")) {
            List<Map<String, Object>> duplicates = new ArrayList<>();
            try {
                if (CrmJson.MAPPER.readValue(body, Object.class) instanceof List<?> l) {
                    l.forEach(o -> duplicates.add(asMap(o)));
                }
            } catch (RuntimeException e) {
                // a duplicate without a readable body is still a duplicate
            }
            return new CrmDuplicateException(duplicates);
        }
        return new CrmValidationException(Message.of("crm.espo.conflict", reason));
    }

    private static Message validation(String reason) {
        var m = java.util.regex.Pattern.compile("field: (\\w+), type: (\\w+)").matcher(reason);
        if (m.find()) {
            return Message.of("crm.espo.refused.field", m.group(1), m.group(2));
        }
        return reason.isBlank() ? Message.of("crm.espo.refused") : Message.of("crm.espo.refused.reason", reason);
    }

    private void authenticate(HttpRequest.Builder request, String method, String path) {
        if (settings.authMode() == EspoSettings.AuthMode.API_KEY) {
            request.header("X-Api-Key", settings.apiKey());
            return;
        }
        request.header("X-Hmac-Authorization", hmacHeader(settings, method, path));
    }

    static String hmacHeader(EspoSettings settings, String method, String path) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.secretKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((method + " " + path).getBytes(StandardCharsets.UTF_8));
            byte[] prefix = (settings.apiKey() + ":").getBytes(StandardCharsets.UTF_8);
            byte[] tail = settings.hmacDigest() == EspoSettings.HmacDigest.HEX
                    ? HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII) : digest;
            byte[] all = new byte[prefix.length + tail.length];
            System.arraycopy(prefix, 0, all, 0, prefix.length);
            System.arraycopy(tail, 0, all, prefix.length, tail.length);
            return Base64.getEncoder().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        if (o instanceof Map<?, ?> m) {
            return new LinkedHashMap<>((Map<String, Object>) m);
        }
        return new LinkedHashMap<>();
    }
}
