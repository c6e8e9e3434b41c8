package fr.macrea.max.ui.action;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import fr.macrea.max.MaxApplication;
import fr.macrea.max.action.ActionTestConfiguration;
import fr.macrea.max.action.InMemoryCrmGateway;
import fr.macrea.max.action.MutableClock;
import fr.macrea.max.crm.Lead;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.testing.TestDatabase;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.KaribuIT;
import fr.macrea.max.wallet.PriceTableService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Base of the wallet and action Karibu tests: {@link KaribuIT} plus an in-memory CRM per tenant, a movable clock and
 * the test actions of the platform's test jar.
 */
@Import(ActionTestConfiguration.class)
@TestPropertySource(properties = "max.wallet.sweeper.enabled=false")
public abstract class KaribuSpringIT extends KaribuIT {

    @Autowired
    protected InMemoryCrmGateway crm;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected PriceTableService prices;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * A value chosen by the user in the browser (Karibu 2.6.2's {@code _setValue} does not run on Vaadin 25): sets
     * it, then fires the value change as coming from the client, which is what the views listen to.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <V> void chooseFromClient(AbstractField<?, V> field, V value) {
        V old = field.getValue();
        field.setValue(value);
        ComponentUtil.fireEvent(field, new AbstractField.ComponentValueChangeEvent(field, field, old, true));
    }

    protected void price(Tenant tenant, String actionId, int tokens) {
        SystemAuthentication.asPlatform(() -> prices.setPrice(tenant.id(), actionId, tokens));
    }

    protected Lead lead(String id) {
        Instant created = clock.instant().minus(10, ChronoUnit.DAYS);
        Lead lead = new Lead(id, "Inès", "Durand", "Atelier Zen", "Coach", "ines@zen.fr", false, "+33611111111",
                false, "New", "Web Site", "Coaching", "Paris", "Premier contact", Set.of(), "u1", null, created, created);
        crm.putLead(lead);
        return lead;
    }
}
