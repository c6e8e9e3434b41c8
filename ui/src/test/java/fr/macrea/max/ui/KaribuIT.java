package fr.macrea.max.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import fr.macrea.max.ui.base.UiLocales;
import java.util.Locale;
import fr.macrea.max.MaxApplication;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.testing.TestDatabase;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

/**
 * Base of Karibu UI tests: the whole application context on the real MariaDB, Vaadin mocked in the test thread.
 * The fake request reads the signed-in user from Spring Security, as the servlet filter does in production, so
 * Vaadin's view access rules ({@code @RolesAllowed}, {@code @PermitAll}) apply exactly as they do for a browser.
 */
@SpringBootTest(classes = MaxApplication.class, properties = "max.demo.enabled=false")
public abstract class KaribuIT {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("fr.macrea.max.ui");

    @Autowired
    protected ApplicationContext context;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @BeforeEach
    void setUpVaadin() {
        SignedInRequests.install();
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        TestTenants.signOut();
    }

    /** Signs the principal in; navigate afterwards. */
    protected MaxPrincipal signIn(MaxPrincipal principal) {
        return TestTenants.signIn(principal);
    }

    /** Signs in a platform admin who belongs to no tenant. */
    protected MaxPrincipal signInPlatformAdmin() {
        return signIn(new MaxPrincipal(42, "admin@macrea.fr", "Équipe MaCréa", null, true, List.of(), null));
    }

    /** The user picks English (as the header's language menu does); navigate afterwards. */
    protected void inEnglish() {
        UiLocales.choose(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    protected void signInAndOpen(MaxPrincipal principal, String route) {
        signIn(principal);
        UI.getCurrent().navigate(route);
    }
}
