package fr.macrea.max.ui.settings.users;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.AuthenticationContext;
import fr.macrea.max.security.UserService;
import org.springframework.stereotype.Component;

/**
 * Closes the session of a member deactivated while signed in: sign-in already refuses them, but a session opened
 * before keeps its principal. At each navigation the membership is read again (one indexed lookup); a member who
 * may no longer work in their tenant is signed out and lands on the login page.
 */
@Component
class DeactivatedMemberGuard implements VaadinServiceInitListener {

    private final UserService users;
    private final AuthenticationContext authentication;

    DeactivatedMemberGuard(UserService users, AuthenticationContext authentication) {
        this.users = users;
        this.authentication = authentication;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter -> {
            if (authentication.isAuthenticated() && !users.stillActiveInCurrentTenant()) {
                enter.rerouteTo("login");
                authentication.logout();
            }
        }));
    }
}
