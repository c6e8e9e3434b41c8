package fr.macrea.max.ui.reporting;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import fr.macrea.max.MaxApplication;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.testing.TestDatabase;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the Reporting and CRM tabs' Karibu tests: the whole application on the real MariaDB, Vaadin mocked in the
 * test thread, the signed-in user carried into the fake request so that view access checks see it.
 */
@SpringBootTest(classes = MaxApplication.class)
public abstract class ReportingKaribuBase {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("fr.macrea.max.ui");

    @Autowired
    protected ApplicationContext context;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        TestTenants.signOut();
    }

    protected void signInAndOpen(MaxPrincipal principal, String route) {
        TestTenants.signIn(principal);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((user, role) -> authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
        UI.getCurrent().navigate(route);
    }
}
