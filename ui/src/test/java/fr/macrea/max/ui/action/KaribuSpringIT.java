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
 * Base of the wallet and action Karibu tests (STACK.md trap 8): the whole application on the real MariaDB, an
 * in-memory CRM per tenant and the test actions of the platform's test jar, Vaadin mocked in the test thread.
 * The signed-in principal is set before each navigation.
 */
@SpringBootTest(classes = MaxApplication.class)
@Import(ActionTestConfiguration.class)
@TestPropertySource(properties = {"max.demo.enabled=false", "max.wallet.sweeper.enabled=false"})
public abstract class KaribuSpringIT {

    private static Routes routes;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    protected ApplicationContext context;
    @Autowired
    protected InMemoryCrmGateway crm;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected PriceTableService prices;

    @BeforeEach
    void mockVaadin() {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("fr.macrea.max");
        }
        // Vaadin's view access check reads the request's principal and roles: answer from the principal the test
        // signed in (at call time, so a test may switch users)
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session);
            request.setUserPrincipalInt(() -> {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                return auth == null ? "anonymous" : auth.getName();
            });
            request.setUserInRole((principal, role) -> {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                return auth != null && auth.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + role) || a.getAuthority().equals(role));
            });
            return request;
        });
        MockVaadin.setup(UI::new, new MockSpringServlet(routes, context, UI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        TestTenants.signOut();
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
