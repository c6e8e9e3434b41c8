package fr.macrea.max.action;

import fr.macrea.max.crm.Lead;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.wallet.PriceTableService;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Base of the wallet and action integration tests: real MariaDB, in-memory CRM per tenant, a movable clock, and
 * the scheduled sweepers off (tests call them, so that "refunded exactly once" is measured, not raced).
 */
@Import(ActionTestConfiguration.class)
@TestPropertySource(properties = {"max.wallet.sweeper.enabled=false", "spring.datasource.hikari.maximum-pool-size=40"})
public abstract class WalletActionsIT extends PlatformIT {

    @Autowired
    protected InMemoryCrmGateway crm;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected PriceTableService prices;

    @AfterEach
    void resetWorld() {
        clock.reset();
        TestTenants.signOut();
    }

    protected void price(Tenant tenant, String actionId, int tokens) {
        SystemAuthentication.asPlatform(() -> prices.setPrice(tenant.id(), actionId, tokens));
    }

    /** A lead in the signed-in tenant's CRM. */
    protected Lead lead(String id, String status) {
        Instant created = clock.instant().minus(20, ChronoUnit.DAYS);
        Lead lead = new Lead(id, "Camille", "Martin", "Boutique Zen", "Gérante", "camille@zen.fr", false,
                "+33600000000", false, status, "Web Site", "Retail", "Lyon", "Intéressée par la formule Pro",
                Set.of("vip"), "u1", null, created, created);
        crm.putLead(lead);
        return lead;
    }
}
