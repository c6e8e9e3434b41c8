package fr.macrea.max.crm;

import fr.macrea.max.PlatformTestApplication;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.CrmMode;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.RawHttp;
import fr.macrea.max.testing.TestDatabase;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook endpoint on a real HTTP server (Tomcat on a random port) against hostile and odd deliveries: gigabyte
 * bodies generated on the fly (with a length or chunked, alone and five at once, unknown and known hook keys), a tenant
 * back on the embedded CRM, and a replayed payload without {@code modifiedAt}.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "max.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "max.crm.sync.scheduled=false"})
class WebhookLimitsIT {

    private static final long GIB = 1L << 30;
    /** What a server that stops reading at the 1 MiB limit can have received: limit, swallow and socket buffers. */
    private static final long READ_AT_MOST = 64L << 20;
    private static final String UNKNOWN_HOOK = "/api/hooks/espocrm/0123456789abcdef0123456789abcdef";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    private static EspoCrmFake fake;
    private static Tenant tenant;
    private static String hook;

    @LocalServerPort
    int port;
    @Autowired
    TenantService tenants;
    @Autowired
    CrmConnectionService connection;
    @Autowired
    CrmGateway crm;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String unique;

    @BeforeEach
    void connectedTenant() {
        if (fake == null) {
            fake = new EspoCrmFake();
            tenant = TestTenants.create(tenants, "Limites " + UUID.randomUUID().toString().substring(0, 6), Plan.PRO);
            TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
            hook = connection.connectEspoCrm(fake.apiKeySettings());
            connection.registerWebhooksInEspoCrm("https://max.example");
        }
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        unique = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @AfterAll
    static void stop() {
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void an_unknown_hook_key_is_refused_before_a_gigabyte_body_is_read() throws Exception {
        for (boolean chunked : List.of(false, true)) {
            RawHttp.Answer answer = RawHttp.send(port, "POST", UNKNOWN_HOOK, signedHeaders(), GIB, chunked);

            assertThat(answer.status()).as("chunked=%s: %s", chunked, answer).isEqualTo(401);
            assertThat(answer.body()).contains("\"key\":\"crm.webhook.unsigned\"");
            assertThat(answer.sentBeforeAnswer()).as("chunked=%s", chunked).isLessThan(READ_AT_MOST);
        }
    }

    @Test
    void a_known_hook_key_with_a_gigabyte_body_gets_413_after_the_limit_at_most() throws Exception {
        for (boolean chunked : List.of(false, true)) {
            RawHttp.Answer answer = RawHttp.send(port, "POST", hook, signedHeaders(), GIB, chunked);

            assertThat(answer.status()).as("chunked=%s: %s", chunked, answer).isEqualTo(413);
            assertThat(answer.body()).contains("\"key\":\"http.body.too-large\"").containsPattern("1.048.576 octets");
            assertThat(answer.sentBeforeAnswer()).as("chunked=%s", chunked).isLessThan(READ_AT_MOST);
        }
    }

    @Test
    void five_gigabyte_bodies_at_once_leave_the_heap_flat_and_the_server_serving() throws Exception {
        long before = usedHeapAfterGc();
        MemoryPoolMXBean oldGen = oldGeneration();
        oldGen.resetPeakUsage();
        long oldBefore = oldGen.getUsage().getUsed();

        List<Callable<RawHttp.Answer>> calls = List.of(
                () -> RawHttp.send(port, "POST", UNKNOWN_HOOK, signedHeaders(), GIB, false),
                () -> RawHttp.send(port, "POST", UNKNOWN_HOOK, signedHeaders(), GIB, true),
                () -> RawHttp.send(port, "POST", hook, signedHeaders(), GIB, false),
                () -> RawHttp.send(port, "POST", hook, signedHeaders(), GIB, true),
                () -> RawHttp.send(port, "POST", hook, signedHeaders(), GIB, true));
        List<RawHttp.Answer> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(calls.size())) {
            for (Future<RawHttp.Answer> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
        }
        long oldPeak = oldGen.getPeakUsage().getUsed();
        long after = usedHeapAfterGc();

        assertThat(answers).extracting(RawHttp.Answer::status).containsExactly(401, 401, 413, 413, 413);
        assertThat(answers).allSatisfy(a -> assertThat(a.sentBeforeAnswer()).isLessThan(READ_AT_MOST));
        assertThat(oldPeak - oldBefore).as("old generation growth during the burst").isLessThan(256L << 20);
        assertThat(after - before).as("heap after GC, before vs after").isLessThan(48L << 20);
        // and the server keeps serving: a genuine delivery is applied
        Map<String, Object> record = fake.put("Lead", Map.of("lastName", unique, "status", "New"));
        HttpResponse<String> ok = deliver("Lead.create", CrmJson.write(List.of(record)).getBytes(StandardCharsets.UTF_8));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(crm.findLead(record.get("id").toString())).isPresent();
    }

    @Test
    void a_signed_batch_just_under_the_limit_is_applied() throws Exception {
        Map<String, Object> record = fake.put("Lead", Map.of("lastName", unique, "status", "New"));
        String json = CrmJson.write(List.of(record));
        // JSON allows whitespace: padding takes the body to a few bytes under 1 MiB
        byte[] body = (json + " ".repeat((1 << 20) - json.length() - 8)).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = deliver("Lead.create", body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(crm.findLead(record.get("id").toString())).isPresent();
    }

    @Test
    void webhooks_of_a_tenant_back_on_the_embedded_crm_are_refused() throws Exception {
        Tenant embedded = TestTenants.create(tenants, "Intégré " + unique, Plan.PRO);
        EspoCrmFake itsFake = new EspoCrmFake();
        try {
            TestTenants.signInAs(embedded, Role.TENANT_ADMIN);
            String itsHook = connection.connectEspoCrm(itsFake.apiKeySettings());
            connection.registerWebhooksInEspoCrm("https://max.example");
            SystemAuthentication.asPlatform(() -> {
                tenants.changeCrmMode(embedded.id(), CrmMode.EMBEDDED);
                return null;
            });
            Map<String, Object> record = itsFake.put("Lead", Map.of("lastName", unique, "status", "New"));
            byte[] body = CrmJson.write(List.of(record)).getBytes(StandardCharsets.UTF_8);

            HttpResponse<String> response = post(itsHook, itsFake, "Lead.create", body);

            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.body()).contains("\"key\":\"crm.webhook.embedded\"");
            TestTenants.signInAs(embedded, Role.TENANT_ADMIN);
            assertThat(crm.findLead(record.get("id").toString())).as("nothing written into the embedded CRM").isEmpty();
        } finally {
            itsFake.close();
        }
    }

    @Test
    void a_replayed_payload_without_modified_at_does_not_overwrite_newer_data() throws Exception {
        Map<String, Object> original = fake.put("Lead", Map.of("lastName", unique, "status", "New"));
        String id = original.get("id").toString();
        assertThat(deliver("Lead.create", CrmJson.write(List.of(original)).getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(200);
        fake.put("Lead", Map.of("id", id, "status", "Dead"));
        connection.syncNow();
        assertThat(crm.findLead(id).orElseThrow().status()).isEqualTo("Dead");

        // the old delivery replayed by someone who kept it, its modifiedAt taken out
        Map<String, Object> replay = new java.util.LinkedHashMap<>(original);
        replay.remove("modifiedAt");
        HttpResponse<String> response = deliver("Lead.update", CrmJson.write(List.of(replay)).getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"changed\":0");
        assertThat(crm.findLead(id).orElseThrow().status()).isEqualTo("Dead");
    }

    // ---------------------------------------------------------------- helpers

    /** Signature headers in EspoCRM's shape (for a body the server never gets to check). */
    private static Map<String, String> signedHeaders() {
        return Map.of("Content-Type", "application/json",
                "Signature", WebhookSignatures.sign("6b04cdaec6a7236b7", new byte[0], "x", true));
    }

    private HttpResponse<String> deliver(String event, byte[] body) throws Exception {
        return post(hook, fake, event, body);
    }

    private HttpResponse<String> post(String path, EspoCrmFake from, String event, byte[] body) throws Exception {
        Map<String, Object> webhook = from.data.get("Webhook").values().stream()
                .filter(w -> w.get("event").equals(event)).findFirst().orElseThrow();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        EspoCrmFake.signatures(webhook.get("id").toString(), webhook.get("secretKey").toString(), body)
                .forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    /** The heap pool where large arrays land (G1's humongous regions count in its old generation). */
    private static MemoryPoolMXBean oldGeneration() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .filter(p -> p.getName().contains("Old") || p.getName().contains("Tenured"))
                .findFirst().orElseThrow();
    }
}
