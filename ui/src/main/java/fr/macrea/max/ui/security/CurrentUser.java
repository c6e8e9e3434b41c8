package fr.macrea.max.ui.security;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.UserService;
import fr.macrea.max.shared.TenantId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The signed-in user as the views see it, tenant switch and logout. */
@Component
public class CurrentUser {

    private final AuthenticationContext authentication;
    private final UserService users;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    CurrentUser(AuthenticationContext authentication, UserService users) {
        this.authentication = authentication;
        this.users = users;
    }

    public Optional<MaxPrincipal> principal() {
        return authentication.getAuthenticatedUser(MaxPrincipal.class);
    }

    /** Whether the signed-in user is an admin of the current tenant (the views show admin-only actions by it). */
    public boolean isTenantAdmin() {
        return principal().map(p -> p.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + Role.ADMIN))).orElse(false);
    }

    /** Switches tenant (refused unless the user is a member) and keeps the new principal in the HTTP session. */
    public void switchTenant(TenantId tenant) {
        Authentication switched = users.switchTenant(tenant);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(switched);
        SecurityContextHolder.setContext(context);
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (request != null && response != null) {
            repository.saveContext(context, request.getHttpServletRequest(), response.getHttpServletResponse());
        }
    }

    public void logout() {
        authentication.logout();
    }
}
