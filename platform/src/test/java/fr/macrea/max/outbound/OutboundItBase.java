package fr.macrea.max.outbound;

import fr.macrea.max.action.Mode;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.crm.CampaignLogEntry;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.EmailTemplate;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.crm.TimelineEntry;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.PlatformTestApplication;
import fr.macrea.max.testing.TestDatabase;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.wallet.DefaultPrices;
import fr.macrea.max.wallet.PriceTableService;
import fr.macrea.max.wallet.WalletService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Shared set-up of the outbound ITs: the whole platform on MariaDB with the embedded CRM of a Pro tenant signed in
 * as its admin in Auto mode, batches of 2 recipients, and a scheduler that does not poll during a test (the tests
 * run the batches themselves, as the scheduled tasks would, to control crashes).
 */
@TestPropertySource(properties = {"max.wallet.sweeper.enabled=false", "max.outbound.batch-size=2",
        "max.outbound.retry-wait=PT0.05S", "db-scheduler.polling-interval=PT1H",
        "max.public-url=https://max.example.fr"})
@SpringBootTest(classes = PlatformTestApplication.class)
abstract class OutboundItBase {

    /**
     * A database of its own: the batch tasks a send stores are due at once, and another test's cached context
     * (some run the CRM port's in-memory double) polling the shared {@code scheduled_tasks} would run them beside the
     * test's own runs.
     */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.registerOwn(registry, "outbound");
    }

    @Autowired
    TenantService tenants;
    @Autowired
    CrmGateway crm;
    @Autowired
    OutboundService outbound;
    @Autowired
    OutboundTracking tracking;
    @Autowired
    SendBatches batches;
    @Autowired
    ModeService modes;
    @Autowired
    WalletService wallet;
    @Autowired
    PriceTableService prices;

    Tenant tenant;
    MaxPrincipal admin;
    String optInCampaign;

    @BeforeEach
    void proTenantInAuto() {
        tenant = TestTenants.create(tenants, "Envois", Plan.PRO);
        admin = TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        modes.set(Mode.AUTO);
        optInCampaign = crm.createCampaign(new fr.macrea.max.crm.Campaign(null, "Formulaire web", "Active", "Web",
                null, null, null));
    }

    @AfterEach
    void signOut() {
        batches.afterDelivery = () -> { };
        TestTenants.signOut();
    }

    void price(int tokens) {
        SystemAuthentication.asPlatform(() -> prices.setPrice(tenant.id(), DefaultPrices.CAMPAIGN_SEND, tokens));
    }

    /** A lead with an e-mail address, tagged, with EspoCRM's opt-in record when {@code optedIn}. */
    String lead(String firstName, String email, boolean optedIn, String tag) {
        Map<String, Object> attributes = new HashMap<>(Map.of("firstName", firstName, "lastName", "Martin",
                "status", "New", "emailAddress", email));
        attributes.put("cTags", List.of(tag));
        String id = crm.create("Lead", attributes, true);
        if (optedIn) {
            crm.logCampaignEvent(new CampaignLogEntry(null, optInCampaign, "Opted In", EntityRef.lead(id), null, null));
        }
        return id;
    }

    String template(String subject, String body) {
        return crm.createEmailTemplate(new EmailTemplate(null, "Annonce produit", subject, body, true, null, null));
    }

    static String key() {
        return "k-" + UUID.randomUUID();
    }

    List<TimelineEntry> timeline(String leadId, String kind) {
        return crm.timeline(EntityRef.lead(leadId), 100).stream().filter(t -> kind.equals(t.kind())).toList();
    }

    List<CampaignLogEntry> log(String campaignId, String action) {
        return crm.campaignLog(campaignId, 1000).stream().filter(e -> action.equals(e.action())).toList();
    }
}
