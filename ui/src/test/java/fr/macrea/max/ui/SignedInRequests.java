package fr.macrea.max.ui;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.security.Principal;

/**
 * Karibu's fake requests answer who is signed in from Spring Security's current context, as the real servlet
 * requests do behind the security filter (so {@code @RolesAllowed} views and Vaadin's access checks see the user).
 */
public final class SignedInRequests {

    private SignedInRequests() {
    }

    /** Makes every following Karibu session's requests carry the signed-in principal and its roles. */
    public static void install() {
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
    }
}
