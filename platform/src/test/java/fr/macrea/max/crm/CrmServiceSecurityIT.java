package fr.macrea.max.crm;

import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CRM port owns its security and, on the embedded CRM, the transaction of an update's before/after images. */
@TestPropertySource(properties = "max.crm.sync.scheduled=false")
class CrmServiceSecurityIT extends PlatformIT {

    @Autowired
    CrmGateway crm;
    @Autowired
    TenantService tenants;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void nobodySignedInCannotReadOrWrite() {
        assertThatThrownBy(() -> crm.findLead("0123456789abcdef0"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> crm.update(EntityRef.lead("0123456789abcdef0"), Map.of("status", "Dead")))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void aPlatformAdminWithoutATenantRoleIsRefused() {
        assertThatThrownBy(() -> SystemAuthentication.asPlatform(() -> crm.searchLeads(CrmQuery.all(10))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aTenantUserReadsAndWrites() {
        Tenant tenant = TestTenants.create(tenants, "Securite", Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        String id = crm.create("Lead", Map.of("firstName", "Paul", "lastName", "Simple", "status", "New"), true);
        assertThat(crm.findLead(id)).isPresent();
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheBeforeImage() {
        Tenant tenant = TestTenants.create(tenants, "Atomique", Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        String id = crm.create("Lead", Map.of("firstName", "Anne", "lastName", "Avant", "status", "New",
                "phoneNumber", "+33 6 00 00 00 00"), true);
        // the status column is written first, then the phone link rows refuse a 40-character number
        assertThatThrownBy(() -> crm.update(EntityRef.lead(id), Map.of("status", "In Process", "phoneNumber", "1".repeat(40))))
                .isInstanceOf(CrmValidationException.class);
        Lead lead = crm.findLead(id).orElseThrow();
        assertThat(lead.status()).isEqualTo("New");
        assertThat(lead.phoneNumber()).isEqualTo("+33 6 00 00 00 00");
    }

    @Test
    void concurrentUpdatesNeverClaimTheSameBeforeImage() throws Exception {
        Tenant tenant = TestTenants.create(tenants, "Concurrence", Plan.PRO);
        var admin = TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        String id = crm.create("Lead", Map.of("firstName", "Zoé", "lastName", "Course", "title", "v0"), true);
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RecordWrite>> futures = new ArrayList<>();
        for (int i = 1; i <= writers; i++) {
            String value = "v" + i;
            futures.add(pool.submit(() -> {
                TestTenants.signIn(admin);
                start.await();
                return crm.update(EntityRef.lead(id), Map.of("title", value));
            }));
        }
        start.countDown();
        List<Object> befores = Collections.synchronizedList(new ArrayList<>());
        for (Future<RecordWrite> f : futures) {
            befores.add(f.get().before().get("title"));
        }
        pool.shutdown();
        // serialised writes form one chain v0 -> vi -> vj ...: every before-image is distinct (undo restores the
        // value each write really replaced); two writes reading the same before-image would repeat a value
        assertThat(new HashSet<>(befores)).hasSize(writers);
        assertThat(befores).contains("v0");
    }
}
