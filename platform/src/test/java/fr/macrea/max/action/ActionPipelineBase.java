package fr.macrea.max.action;

import fr.macrea.max.action.analysis.LeadAnalysisService;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.crm.TimelineEntry;
import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.wallet.ActionCharges;
import fr.macrea.max.wallet.DefaultPrices;
import fr.macrea.max.wallet.PriceTableService;
import fr.macrea.max.wallet.Right;
import fr.macrea.max.wallet.WalletService;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared set-up of the action pipeline ITs ({@code ActionPipeline*IT}): the pipeline end to end on MariaDB and the
 * real embedded CRM (the tenant's CRM schema, no CRM double), a Pro tenant with one lead, a movable clock and the test
 * actions. The subclasses declare no configuration of their own, so they share one Spring context.
 */
@Import({TestActions.class, ActionPipelineBase.Events.class})
@TestPropertySource(properties = {"max.wallet.sweeper.enabled=false", "spring.datasource.hikari.maximum-pool-size=40"})
abstract class ActionPipelineBase extends PlatformIT {

    @TestConfiguration
    static class Events {
        @Bean
        Recorder recorder() {
            return new Recorder();
        }
    }

    static class Recorder {
        final List<ActionEvent> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ActionEvent event) {
            events.add(event);
        }
    }

    @Autowired
    TenantService tenants;
    @Autowired
    WalletService wallet;
    @Autowired
    ActionCharges charges;
    @Autowired
    ActionService actions;
    @Autowired
    UndoService undo;
    @Autowired
    ModeService modes;
    @Autowired
    LeadAnalysisService analysis;
    @Autowired
    CrmGateway crm;
    @Autowired
    TenantDsl tenantDsl;
    @Autowired
    PriceTableService prices;
    @Autowired
    MutableClock clock;
    @Autowired
    Recorder recorder;

    Tenant pro;
    MaxPrincipal admin;
    String l1;

    @BeforeEach
    void proTenantWithALead() {
        pro = TestTenants.create(tenants, "Pipeline", Plan.PRO);
        price(pro, TestWriteAction.ID, 5);
        price(pro, TestSendAction.ID, 3);
        price(pro, TestSendAction.PER_UNIT_ID, 3);
        admin = TestTenants.signInAs(pro, Role.TENANT_ADMIN);
        l1 = lead("New");
    }

    @AfterEach
    void resetWorld() {
        clock.reset();
        TestTenants.signOut();
    }

    private void price(Tenant tenant, String actionId, int tokens) {
        SystemAuthentication.asPlatform(() -> prices.setPrice(tenant.id(), actionId, tokens));
    }

    /** A lead in the signed-in tenant's embedded CRM, created through the CRM port. */
    String lead(String status) {
        return crm.create("Lead", Map.of("firstName", "Camille", "lastName", "Martin", "status", status,
                "source", "Web Site", "description", "Intéressée par la formule Pro", "accountName", "Boutique Zen",
                "emailAddress", "camille@zen.fr", "phoneNumber", "+33600000000", "assignedUserId", "u1"), true);
    }

    /** The failure's text, as the user reads it, contains {@code text}. */
    static ThrowingConsumer<Throwable> says(String text) {
        return e -> assertThat(FrenchText.of(e)).contains(text);
    }

    ActionRequest<TestWriteAction.Params> write(String behaviour, String key) {
        return ActionRequest.of(TestWriteAction.ID,
                new TestWriteAction.Params(l1, Map.of("status", "In Process", "description", "modifié par M.A.X."),
                        behaviour), key);
    }

    Map<String, Object> leadNow() {
        return crm.readAttributes(EntityRef.lead(l1), Set.of("status", "description"));
    }

    /** The notes M.A.X. posted on the lead's stream in the CRM. */
    List<String> notes() {
        return crm.timeline(EntityRef.lead(l1), 50).stream().filter(t -> "Note".equals(t.kind()))
                .map(TimelineEntry::detail).toList();
    }
}
