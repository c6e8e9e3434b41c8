package fr.macrea.max.crm;

import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.security.Role;
import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.macrea.max.db.crm.Tables.ARRAY_VALUE;
import static fr.macrea.max.db.crm.Tables.LEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The replica of EspoCRM tenants: backfill, incremental pull, signed webhooks (create, update, delete, replay,
 * forgeries, another tenant's signature), EspoCRM down. Two EspoCRM tenants, each with its own fake.
 */
@AutoConfigureMockMvc
@RecordApplicationEvents
@TestPropertySource(properties = {
        "max.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "max.crm.sync.scheduled=false",
        "max.crm.espo.initial-backoff=PT0.01S"})
class CrmSyncIT extends PlatformIT {

    private static Tenant tenantA;
    private static Tenant tenantB;
    private static EspoCrmFake fakeA;
    private static EspoCrmFake fakeB;
    private static String hookA;
    private static String hookB;

    @Autowired
    private TenantService tenantService;
    @Autowired
    private CrmConnectionService connection;
    @Autowired
    private CrmGateway crm;
    @Autowired
    private TenantDsl tenantDsl;
    @Autowired
    private MockMvc mvc;
    @Autowired
    private ApplicationEvents events;

    private String unique;

    @BeforeEach
    void setUp() {
        if (tenantA == null) {
            fakeA = new EspoCrmFake();
            fakeB = new EspoCrmFake();
            tenantA = TestTenants.create(tenantService, "Sync A", Plan.PRO);
            tenantB = TestTenants.create(tenantService, "Sync B", Plan.PRO);
            TestTenants.signInAs(tenantA, Role.TENANT_ADMIN);
            hookA = connection.connectEspoCrm(fakeA.apiKeySettings());
            assertThat(connection.registerWebhooksInEspoCrm("https://max.example")).isEqualTo(9);
            TestTenants.signInAs(tenantB, Role.TENANT_ADMIN);
            hookB = connection.connectEspoCrm(fakeB.apiKeySettings());
            connection.registerWebhooksInEspoCrm("https://max.example");
        }
        TestTenants.signInAs(tenantA, Role.TENANT_ADMIN);
        unique = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @AfterAll
    static void stop() {
        if (fakeA != null) {
            fakeA.close();
            fakeB.close();
        }
    }

    private static Map<String, Object> webhook(EspoCrmFake fake, String event) {
        return fake.data.get("Webhook").values().stream().filter(w -> w.get("event").equals(event)).findFirst().orElseThrow();
    }

    private ResultActions deliver(String hook, EspoCrmFake fake, String event, List<Map<String, Object>> records) throws Exception {
        byte[] body = CrmJson.write(records).getBytes(StandardCharsets.UTF_8);
        Map<String, Object> webhook = webhook(fake, event);
        MockHttpServletRequestBuilder request = post(hook).contentType("application/json").content(body);
        EspoCrmFake.signatures(webhook.get("id").toString(), webhook.get("secretKey").toString(), body).forEach(request::header);
        return perform(request);
    }

    /** MockMvc runs the API security chain on this thread, which clears the test's sign-in: keep it. */
    private ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
        var signedIn = org.springframework.security.core.context.SecurityContextHolder.getContext();
        try {
            return mvc.perform(request);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(signedIn);
        }
    }

    private int replicaRows(String lastNamePrefix) {
        return tenantDsl.crm().fetchCount(LEAD, LEAD.LAST_NAME.startsWith(lastNamePrefix), LEAD.DELETED.eq((byte) 0));
    }

    @Test
    void backfillCopiesEveryPageAndIncrementalPullOnlyTheChanges() {
        for (int i = 0; i < 450; i++) {
            fakeA.put("Lead", Map.of("firstName", "Prénom" + i, "lastName", unique + i, "status", "New",
                    "emailAddress", unique + i + "@exemple.fr", "cTags", List.of("import")));
        }
        connection.backfill();
        assertThat(replicaRows(unique)).isEqualTo(450);
        assertThat(connection.syncStatus()).anySatisfy(s -> {
            assertThat(s.entityType()).isEqualTo("Lead");
            assertThat(s.healthy()).isTrue();
            assertThat(s.lastSuccessAt()).isNotNull();
            assertThat(s.recordsSynced()).isGreaterThanOrEqualTo(450);
        });

        String changedId = fakeA.data.get("Lead").values().stream().filter(r -> r.get("lastName").equals(unique + 7))
                .findFirst().orElseThrow().get("id").toString();
        fakeA.put("Lead", Map.of("id", changedId, "status", "Dead"));
        fakeA.put("Lead", Map.of("firstName", "Nouveau", "lastName", unique + "new"));
        assertThat(connection.syncNow()).isEqualTo(2);
        assertThat(crm.findLead(changedId).orElseThrow().status()).isEqualTo("Dead");
        assertThat(replicaRows(unique)).isEqualTo(451);
        assertThat(connection.syncNow()).isZero();
    }

    @Test
    void webhooksCreateUpdateAndSoftDelete() throws Exception {
        Map<String, Object> record = fakeA.put("Lead", Map.of("firstName", "Web", "lastName", unique, "status", "New",
                "cTags", List.of("webhook")));
        String id = record.get("id").toString();
        deliver(hookA, fakeA, "Lead.create", List.of(record)).andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(1));
        assertThat(crm.findLead(id).orElseThrow().tags()).containsExactly("webhook");

        Map<String, Object> updated = fakeA.put("Lead", Map.of("id", id, "status", "In Process"));
        deliver(hookA, fakeA, "Lead.update", List.of(updated)).andExpect(status().isOk());
        assertThat(crm.findLead(id).orElseThrow().status()).isEqualTo("In Process");

        deliver(hookA, fakeA, "Lead.delete", List.of(Map.of("id", id))).andExpect(status().isOk());
        assertThat(crm.findLead(id)).isEmpty();
        assertThat(tenantDsl.crm().select(LEAD.DELETED).from(LEAD).where(LEAD.ID.eq(id)).fetchOne(LEAD.DELETED)).isEqualTo((byte) 1);
        assertThat(events.stream(CrmRecordChanged.class).filter(e -> e.ref().id().equals(id)).map(CrmRecordChanged::type))
                .containsExactly("crm.lead.created", "crm.lead.updated", "crm.lead.deleted");
    }

    @Test
    void aReplayedBatchChangesNothingTheSecondTime() throws Exception {
        Map<String, Object> one = fakeA.put("Lead", Map.of("lastName", unique + "a", "cTags", List.of("x", "y"),
                "emailAddress", unique + "@replay.fr"));
        Map<String, Object> two = fakeA.put("Lead", Map.of("lastName", unique + "b"));
        deliver(hookA, fakeA, "Lead.create", List.of(one, two)).andExpect(jsonPath("$.changed").value(2));
        deliver(hookA, fakeA, "Lead.create", List.of(one, two)).andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(0));
        deliver(hookA, fakeA, "Lead.update", List.of(one)).andExpect(jsonPath("$.changed").value(0));
        assertThat(replicaRows(unique)).isEqualTo(2);
        assertThat(tenantDsl.crm().fetchCount(ARRAY_VALUE, ARRAY_VALUE.ENTITY_ID.eq(one.get("id").toString()))).isEqualTo(2);
        assertThat(events.stream(CrmRecordChanged.class).filter(e -> e.ref().id().equals(one.get("id")))).hasSize(1);
        // an older copy arriving late never rolls the record back
        fakeA.put("Lead", Map.of("id", one.get("id"), "status", "Dead"));
        connection.syncNow();
        deliver(hookA, fakeA, "Lead.update", List.of(one)).andExpect(jsonPath("$.changed").value(0));
        assertThat(crm.findLead(one.get("id").toString()).orElseThrow().status()).isEqualTo("Dead");
    }

    @Test
    void unsignedForgedAndOtherTenantsCallsAreRefused() throws Exception {
        Map<String, Object> record = fakeA.put("Lead", Map.of("lastName", unique));
        byte[] body = CrmJson.write(List.of(record)).getBytes(StandardCharsets.UTF_8);

        perform(post(hookA).contentType("application/json").content(body)).andExpect(status().isUnauthorized());
        String webhookId = webhook(fakeA, "Lead.create").get("id").toString();
        MockHttpServletRequestBuilder forged = post(hookA).contentType("application/json").content(body);
        EspoCrmFake.signatures(webhookId, "wrong-secret", body).forEach(forged::header);
        perform(forged).andExpect(status().isForbidden());
        perform(post("/api/hooks/espocrm/0123456789abcdef0123456789abcdef").contentType("application/json")
                .content(body).header("Signature", "d2gxOmFiYw==")).andExpect(status().isUnauthorized());

        // tenant A's genuine signature sent to tenant B's URL: B never registered that webhook
        deliver(hookB, fakeA, "Lead.create", List.of(record)).andExpect(status().isForbidden());
        // and B's genuine webhook cannot write into A through A's URL
        deliver(hookA, fakeB, "Lead.create", List.of(record)).andExpect(status().isForbidden());

        assertThat(replicaRows(unique)).isZero();
        TestTenants.signInAs(tenantB, Role.TENANT_USER);
        assertThat(replicaRows(unique)).isZero();
    }

    @Test
    void tenantBsWebhookOnlyReachesTenantB() throws Exception {
        Map<String, Object> record = fakeB.put("Lead", Map.of("lastName", unique));
        deliver(hookB, fakeB, "Lead.create", List.of(record)).andExpect(status().isOk());
        assertThat(crm.findLead(record.get("id").toString())).isEmpty();
        TestTenants.signInAs(tenantB, Role.TENANT_USER);
        assertThat(crm.findLead(record.get("id").toString())).isPresent();
    }

    @Test
    void espoCrmDownIsReportedAndNothingIsLost() {
        fakeA.put("Lead", Map.of("lastName", unique + "avant"));
        connection.syncNow();
        fakeA.put("Lead", Map.of("lastName", unique + "pendant"));
        fakeA.down(true);
        try {
            assertThatThrownBy(() -> connection.syncNow()).isInstanceOf(CrmUnavailableException.class)
                    .hasMessageContaining("EspoCRM ne répond pas");
            // the stored error is a message again, rendered in the reader's language by the CRM tab
            assertThat(connection.syncStatus()).anySatisfy(s -> {
                assertThat(s.lastError().key()).isEqualTo("crm.espo.unavailable");
                assertThat(FrenchMessages.render(s.lastError())).contains("EspoCRM ne répond pas");
            });
        } finally {
            fakeA.down(false);
        }
        connection.syncNow();
        assertThat(replicaRows(unique)).isEqualTo(2);
        assertThat(connection.syncStatus()).allSatisfy(s -> assertThat(s.healthy()).isTrue());
    }

    @Test
    void legacyEspoCrmWithoutCustomPrefixStillSyncsTags() {
        EspoCrmFake legacy = new EspoCrmFake();
        try {
            legacy.legacyFieldNames();
            Tenant tenant = TestTenants.create(tenantService, "Legacy", Plan.PRO);
            TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
            connection.connectEspoCrm(new EspoSettings(legacy.baseUrl(), EspoSettings.AuthMode.HMAC,
                    EspoSettings.HmacDigest.RAW, EspoCrmFake.API_KEY, EspoCrmFake.SECRET, false));
            String id = crm.create("Lead", Map.of("lastName", unique, "cTags", List.of("ancien")), false);
            assertThat(legacy.get("Lead", id)).containsEntry("tags", List.of("ancien"));
            assertThat(crm.tags(EntityRef.lead(id))).containsExactly("ancien");
            legacy.put("Lead", Map.of("lastName", unique + "2", "cTags", List.of("v8")));
            connection.syncNow();
            assertThat(crm.searchLeads(CrmQuery.all(10).withAnyTags("v8")).items()).hasSize(1);
        } finally {
            legacy.close();
        }
    }
}
