package fr.macrea.max.ui.console;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import fr.macrea.max.MaxApplication;
import fr.macrea.max.security.MaxPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

/**
 * Base of Karibu tests (STACK trap 8): the whole application on an in-memory H2 database, Vaadin mocked with the
 * Spring servlet, the signed-in user taken from Spring Security so that view access rules apply as in production.
 */
@SpringBootTest(classes = MaxApplication.class)
public abstract class KaribuSpringTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("fr.macrea.max");

    @Autowired
    protected ApplicationContext context;

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:ui-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
        registry.add("max.demo.enabled", () -> "false");
    }

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setMockRequestFactory(session -> new FakeRequest(session) {
            @Override
            public Principal getUserPrincipal() {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                return auth != null && auth.isAuthenticated() ? auth : null;
            }

            @Override
            public boolean isUserInRole(String role) {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                return auth != null && auth.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
            }
        });
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Signs in a platform admin (no tenant of their own). Call before navigating. */
    protected MaxPrincipal signInPlatformAdmin() {
        return signIn(new MaxPrincipal(42, "admin@macrea.fr", "Équipe MaCréa", null, true, List.of(), null));
    }

    protected MaxPrincipal signIn(MaxPrincipal principal) {
        SecurityContext security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(security);
        return principal;
    }
}
