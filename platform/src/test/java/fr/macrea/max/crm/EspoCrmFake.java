package fr.macrea.max.crm;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * An in-memory EspoCRM behind WireMock, faithful to reference/espocrm.md: {@code /api/v1} routes, X-Api-Key and
 * HMAC (hex and legacy raw digests) auth with 401, {@code {total, list}} lists through {@code searchParams},
 * {@code X-No-Total}, {@code maxSize} over 200 → 403, 404 and 400 with {@code X-Status-Reason}, 409 duplicate bodies
 * and {@code X-Skip-Duplicate-Check}, soft deletes, 17-hex ids, and signed webhook deliveries. Public for the UI's
 * browser test of tenant settings (the platform test jar).
 */
public final class EspoCrmFake implements AutoCloseable {

    public static final String API_KEY = "fake-api-key-0001";
    static final String SECRET = "fake-hmac-secret";
    private static final Set<String> LEAD_STATUSES = Set.of("New", "Assigned", "In Process", "Converted", "Recycled", "Dead");

    final Map<String, Map<String, Map<String, Object>>> data = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    private final WireMockServer server;
    private volatile boolean down;
    private final AtomicInteger failures = new AtomicInteger();
    private volatile boolean acceptRawHmac = true;
    private volatile boolean acceptHexHmac = true;
    private volatile String customTagsField = "cTags";
    private long lastSecond;
    /** Field Manager metadata: entity -> field -> definition (standard fields of Lead, then what is created). */
    final Map<String, Map<String, Map<String, Object>>> fieldDefs = new ConcurrentHashMap<>();
    private volatile boolean adminApiUser = true;
    private volatile boolean prefixCustomFields = true;
    final java.util.List<String> fieldManagerCalls = new java.util.concurrent.CopyOnWriteArrayList<>();

    public EspoCrmFake() {
        server = new WireMockServer(options().dynamicPort().extensions(new Transformer()));
        server.start();
        server.stubFor(any(urlMatching("/api/v1/.*")).willReturn(aResponse().withStatus(500)));
    }

    /** The API user is a regular user: the Field Manager and rebuild answer 403, as EspoCRM does. */
    public void nonAdminApiUser() {
        adminApiUser = false;
    }

    /** EspoCRM before 8.2: the Field Manager adds no {@code c} prefix. */
    public void noCustomPrefix() {
        prefixCustomFields = false;
    }

    /** A field created in EspoCRM by hand (its metadata only). */
    public void defineField(String entityType, String name, String type) {
        leadDefs(entityType).put(name, new LinkedHashMap<>(Map.of("type", type, "isCustom", true)));
    }

    public Map<String, Map<String, Object>> fields(String entityType) {
        return leadDefs(entityType);
    }

    public java.util.List<String> fieldManagerCalls() {
        return fieldManagerCalls;
    }

    private Map<String, Map<String, Object>> leadDefs(String entityType) {
        return fieldDefs.computeIfAbsent(entityType, e -> {
            Map<String, Map<String, Object>> defs = new ConcurrentHashMap<>();
            for (String f : java.util.List.of("firstName", "lastName", "accountName", "status", "source", "description")) {
                defs.put(f, new LinkedHashMap<>(Map.of("type", f.equals("status") || f.equals("source") ? "enum" : "varchar")));
            }
            defs.put("cTags", new LinkedHashMap<>(Map.of("type", "multiEnum", "isCustom", true)));
            return defs;
        });
    }

    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    public EspoSettings apiKeySettings() {
        return new EspoSettings(baseUrl(), EspoSettings.AuthMode.API_KEY, null, API_KEY, null, true);
    }

    public void down(boolean value) {
        down = value;
    }

    /** The next {@code n} requests answer 503. */
    void failNext(int n) {
        failures.set(n);
    }

    void hmacEncodings(boolean raw, boolean hex) {
        acceptRawHmac = raw;
        acceptHexHmac = hex;
    }

    /** EspoCRM before 8.2: the custom tags field is {@code tags}, not {@code cTags}. */
    void legacyFieldNames() {
        customTagsField = "tags";
    }

    /** A change made in EspoCRM itself (UI, another integration): stored with a fresh modifiedAt. */
    public synchronized Map<String, Object> put(String entityType, Map<String, Object> attributes) {
        Map<String, Object> record = new LinkedHashMap<>(attributes);
        record.putIfAbsent("id", newId());
        String now = now();
        record.putIfAbsent("createdAt", now);
        record.put("modifiedAt", now);
        record.putIfAbsent("deleted", false);
        table(entityType).merge(record.get("id").toString(), record, (a, b) -> {
            a.putAll(b);
            return a;
        });
        return new LinkedHashMap<>(table(entityType).get(record.get("id").toString()));
    }

    public Map<String, Object> get(String entityType, String id) {
        return table(entityType).get(id);
    }

    /** Headers of a signed webhook delivery, as EspoCRM 9.x sends them (legacy X-Signature and Signature). */
    static Map<String, String> signatures(String webhookId, String secret, byte[] body) {
        return Map.of("X-Signature", WebhookSignatures.sign(webhookId, body, secret, false),
                "Signature", WebhookSignatures.sign(webhookId, body, secret, true));
    }

    @Override
    public void close() {
        server.stop();
    }

    private Map<String, Map<String, Object>> table(String entityType) {
        return data.computeIfAbsent(entityType, k -> new ConcurrentHashMap<>());
    }

    private static String newId() {
        return CrmIds.generate(java.time.Clock.systemUTC());
    }

    /** A strictly increasing second, like EspoCRM's modifiedAt, so two quick changes stay ordered. */
    private synchronized String now() {
        long second = LocalDateTime.now(ZoneOffset.UTC).toEpochSecond(ZoneOffset.UTC);
        lastSecond = Math.max(second, lastSecond + 1);
        return CrmStore.ESPO_DATETIME.format(LocalDateTime.ofEpochSecond(lastSecond, 0, ZoneOffset.UTC));
    }

    private final class Transformer implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return "espocrm-fake";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            requests.incrementAndGet();
            LoggedRequest request = event.getRequest();
            if (down || failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return status(503, "Service Unavailable", null);
            }
            URI uri = URI.create(request.getUrl());
            String path = uri.getRawPath().substring("/api/v1".length());
            String method = request.getMethod().getName();
            if (!authenticated(request, method, path)) {
                return status(401, "", null);
            }
            synchronized (EspoCrmFake.this) {
                return route(request, method, path, query(uri.getRawQuery()));
            }
        }

        private ResponseDefinition route(LoggedRequest request, String method, String path, Map<String, String> query) {
            String[] parts = path.substring(1).split("/");
            String entityType = parts[0];
            if (entityType.equals("Metadata") && method.equals("GET")) {
                Map<String, Object> defs = new LinkedHashMap<>();
                for (String e : java.util.List.of("Lead", "Contact", "Account")) {
                    defs.put(e, Map.of("fields", leadDefs(e)));
                }
                return json(200, Map.of("entityDefs", defs));
            }
            if (entityType.equals("Admin")) {
                return admin(request, method, parts);
            }
            if (entityType.equals("TargetList") && parts.length == 3 && parts[2].equals("optOut")) {
                return json(200, true);
            }
            if (entityType.equals("Webhook") && method.equals("POST")) {
                Map<String, Object> webhook = put("Webhook", CrmJson.readMap(request.getBodyAsString()));
                webhook.put("secretKey", HexFormat.of().formatHex(CrmIds.generate(java.time.Clock.systemUTC()).getBytes()).substring(0, 32));
                table("Webhook").put(webhook.get("id").toString(), webhook);
                return json(200, webhook);
            }
            if (parts.length == 1 && method.equals("GET")) {
                return list(entityType, query, request.getHeader("X-No-Total") != null);
            }
            if (parts.length == 1 && method.equals("POST")) {
                return create(entityType, CrmJson.readMap(request.getBodyAsString()),
                        "true".equalsIgnoreCase(request.getHeader("X-Skip-Duplicate-Check")));
            }
            String id = parts.length > 1 ? parts[1] : "";
            Map<String, Object> record = table(entityType).get(id);
            if (record == null || Boolean.TRUE.equals(record.get("deleted"))) {
                return status(404, "Record " + id + " does not exist.", null);
            }
            return switch (method) {
                case "GET" -> json(200, visible(record));
                case "PUT", "PATCH" -> {
                    Map<String, Object> changes = CrmJson.readMap(request.getBodyAsString());
                    ResponseDefinition invalid = validate(entityType, changes, false);
                    if (invalid != null) {
                        yield invalid;
                    }
                    changes.remove("id");
                    record.putAll(changes);
                    record.put("modifiedAt", now());
                    yield json(200, visible(record));
                }
                case "DELETE" -> {
                    record.put("deleted", true);
                    record.put("modifiedAt", now());
                    yield json(200, true);
                }
                default -> status(404, "", null);
            };
        }

        /** EspoCRM's Field Manager and rebuild (reference §1.7): admin only; 409 for an existing field. */
        private ResponseDefinition admin(LoggedRequest request, String method, String[] parts) {
            fieldManagerCalls.add(method + " /" + String.join("/", parts));
            if (!adminApiUser) {
                return status(403, "", null);
            }
            if (parts.length == 2 && parts[1].equals("rebuild") && method.equals("POST")) {
                return json(200, true);
            }
            if (parts.length >= 3 && parts[1].equals("fieldManager")) {
                Map<String, Map<String, Object>> defs = leadDefs(parts[2]);
                if (parts.length == 3 && method.equals("POST")) {
                    Map<String, Object> body = CrmJson.readMap(request.getBodyAsString());
                    String name = body.get("name").toString();
                    String actual = prefixCustomFields ? "c" + Character.toUpperCase(name.charAt(0)) + name.substring(1) : name;
                    if (defs.containsKey(actual)) {
                        return status(409, "Field '" + name + "' already exists in '" + parts[2] + "'.", null);
                    }
                    Map<String, Object> def = new LinkedHashMap<>(body);
                    def.remove("name");
                    def.put("isCustom", true);
                    defs.put(actual, def);
                    Map<String, Object> answer = new LinkedHashMap<>(def);
                    answer.put("name", actual);
                    return json(200, answer);
                }
                if (parts.length == 4 && method.equals("DELETE")) {
                    if (defs.remove(parts[3]) == null) {
                        return status(404, "", null);
                    }
                    return json(200, true);
                }
            }
            return status(404, "", null);
        }

        private ResponseDefinition list(String entityType, Map<String, String> query, boolean noTotal) {
            Map<String, Object> params = query.containsKey("searchParams") ? CrmJson.readMap(query.get("searchParams")) : Map.of();
            int maxSize = params.get("maxSize") instanceof Number n ? n.intValue()
                    : Integer.parseInt(query.getOrDefault("maxSize", "20"));
            if (maxSize > 200) {
                return status(403, "Max size should not exceed 200. Use offset and limit.", null);
            }
            int offset = params.get("offset") instanceof Number n ? n.intValue() : Integer.parseInt(query.getOrDefault("offset", "0"));
            List<Map<String, Object>> rows = new ArrayList<>(table(entityType).values().stream()
                    .filter(r -> !Boolean.TRUE.equals(r.get("deleted"))).toList());
            if (params.get("where") instanceof List<?> where) {
                for (Object o : where) {
                    Map<?, ?> item = (Map<?, ?>) o;
                    String attribute = item.get("attribute").toString();
                    String value = String.valueOf(item.get("value"));
                    rows.removeIf(r -> switch (item.get("type").toString()) {
                        case "equals" -> !value.equals(String.valueOf(r.get(attribute)));
                        case "greaterThanOrEquals" -> String.valueOf(r.get(attribute)).compareTo(value) < 0;
                        default -> false;
                    });
                }
            }
            String orderBy = params.getOrDefault("orderBy", "createdAt").toString();
            Comparator<Map<String, Object>> order = Comparator.comparing(r -> String.valueOf(r.get(orderBy)));
            order = order.thenComparing(r -> r.get("id").toString());
            if ("desc".equals(params.get("order"))) {
                order = order.reversed();
            }
            rows.sort(order);
            int total = rows.size();
            List<Map<String, Object>> page = rows.subList(Math.min(offset, total), Math.min(offset + maxSize, total))
                    .stream().map(this::visible).toList();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("total", noTotal ? -1 : total);
            body.put("list", page);
            return json(200, body);
        }

        private ResponseDefinition create(String entityType, Map<String, Object> attributes, boolean skipDuplicates) {
            ResponseDefinition invalid = validate(entityType, attributes, true);
            if (invalid != null) {
                return invalid;
            }
            if (!skipDuplicates && Set.of("Lead", "Contact", "Account").contains(entityType)) {
                List<Map<String, Object>> duplicates = table(entityType).values().stream()
                        .filter(r -> !Boolean.TRUE.equals(r.get("deleted")))
                        .filter(r -> sameName(entityType, r, attributes) || sameEmail(r, attributes))
                        .map(this::visible).toList();
                if (!duplicates.isEmpty()) {
                    return status(409, "duplicate", CrmJson.write(duplicates));
                }
            }
            Map<String, Object> record = new LinkedHashMap<>(attributes);
            record.remove("id");
            if (entityType.equals("Lead")) {
                record.putIfAbsent("status", "New");
            }
            return json(200, visible(put(entityType, record)));
        }

        private ResponseDefinition validate(String entityType, Map<String, Object> attributes, boolean creating) {
            if (entityType.equals("Lead") && attributes.containsKey("status") && !LEAD_STATUSES.contains(String.valueOf(attributes.get("status")))) {
                return status(400, "Field validation failure; entityType: Lead, field: status, type: valid.",
                        "{\"messageTranslation\":{\"label\":\"validationFailure\",\"data\":{\"field\":\"status\",\"type\":\"valid\"}}}");
            }
            if (creating && entityType.equals("Contact") && (attributes.get("lastName") == null || attributes.get("lastName").toString().isBlank())) {
                return status(400, "Field validation failure; entityType: Contact, field: lastName, type: required.",
                        "{\"messageTranslation\":{\"label\":\"validationFailure\",\"data\":{\"field\":\"lastName\",\"type\":\"required\"}}}");
            }
            if (attributes.containsKey("cTags") && !customTagsField.equals("cTags")) {
                return status(400, "Field validation failure; entityType: " + entityType + ", field: cTags, type: valid.", null);
            }
            return null;
        }

        private boolean sameName(String entityType, Map<String, Object> r, Map<String, Object> a) {
            if (entityType.equals("Account")) {
                return a.get("name") != null && a.get("name").equals(r.get("name"));
            }
            return a.get("lastName") != null && a.get("lastName").equals(r.get("lastName"))
                    && String.valueOf(a.get("firstName")).equals(String.valueOf(r.get("firstName")));
        }

        private boolean sameEmail(Map<String, Object> r, Map<String, Object> a) {
            Object email = a.get("emailAddress");
            return email != null && !email.toString().isBlank() && r.get("emailAddress") != null
                    && r.get("emailAddress").toString().equalsIgnoreCase(email.toString());
        }

        /** A record as the API shows it: person name computed, the tags field under its real name. */
        private Map<String, Object> visible(Map<String, Object> record) {
            Map<String, Object> out = new LinkedHashMap<>(record);
            if (out.containsKey("lastName")) {
                out.put("name", ((out.get("firstName") == null ? "" : out.get("firstName")) + " " + out.get("lastName")).strip());
            }
            if (!customTagsField.equals("cTags") && out.containsKey("cTags")) {
                out.put(customTagsField, out.remove("cTags"));
            }
            return out;
        }

        private boolean authenticated(LoggedRequest request, String method, String path) {
            if (API_KEY.equals(request.getHeader("X-Api-Key"))) {
                return true;
            }
            String hmac = request.getHeader("X-Hmac-Authorization");
            if (hmac == null) {
                return false;
            }
            try {
                byte[] digest = Mac.getInstance("HmacSHA256") instanceof Mac mac ? sign(mac, method + " " + path) : null;
                String expectedHex = Base64.getEncoder().encodeToString(concat((API_KEY + ":").getBytes(StandardCharsets.UTF_8),
                        HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII)));
                String expectedRaw = Base64.getEncoder().encodeToString(concat((API_KEY + ":").getBytes(StandardCharsets.UTF_8), digest));
                return (acceptHexHmac && expectedHex.equals(hmac)) || (acceptRawHmac && expectedRaw.equals(hmac));
            } catch (Exception e) {
                return false;
            }
        }

        private byte[] sign(Mac mac, String text) throws Exception {
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        }

        private byte[] concat(byte[] a, byte[] b) {
            byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }

        private Map<String, String> query(String raw) {
            Map<String, String> out = new LinkedHashMap<>();
            if (raw == null) {
                return out;
            }
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return out;
        }

        private ResponseDefinition json(int status, Object body) {
            return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(CrmJson.write(body)).build();
        }

        private ResponseDefinition status(int status, String reason, String body) {
            ResponseDefinitionBuilder b = new ResponseDefinitionBuilder().withStatus(status);
            if (reason != null && !reason.isEmpty()) {
                b = b.withHeader("X-Status-Reason", reason);
            }
            if (body != null) {
                b = b.withHeader("Content-Type", "application/json").withBody(body);
            }
            return b.build();
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
