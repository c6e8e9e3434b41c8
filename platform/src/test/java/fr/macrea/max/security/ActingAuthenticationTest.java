package fr.macrea.max.security;

import fr.macrea.max.shared.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The acting principal wins over a strategy that reads the session first (as Vaadin's does in a UI request), for
 * everything that asks Spring's holder: method security, {@code TenantContext}, the views.
 */
class ActingAuthenticationTest {

    private static final TenantId QMIX = new TenantId(1);

    private final SecurityContextHolderStrategy original = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContext session = new SecurityContextImpl(tenantAdmin());

    @AfterEach
    void restoreStrategy() {
        SecurityContextHolder.setContextHolderStrategy(original);
        SecurityContextHolder.clearContext();
    }

    private static Authentication tenantAdmin() {
        MaxPrincipal admin = new MaxPrincipal(7, "admin@qmix-paris.fr", "Admin", null, false,
                List.of(new Membership(QMIX, "qmix_paris", "QMix Paris", Role.TENANT_ADMIN)), QMIX);
        return UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities());
    }

    private static List<String> roles() {
        return SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void platformWorkSeesThePlatformRoleEvenWhereTheSessionsContextWins() {
        SecurityContextHolder.setContextHolderStrategy(
                new ActingFirstSecurityContextHolderStrategy(new SessionFirstStrategy(session)));

        List<String> inside = SystemAuthentication.asPlatform(ActingAuthenticationTest::roles);

        assertThat(inside).containsExactly("ROLE_PLATFORM_ADMIN");
        assertThat(roles()).as("the signed-in admin is back afterwards").contains("ROLE_TENANT_ADMIN")
                .doesNotContain("ROLE_PLATFORM_ADMIN");
    }

    @Test
    void withoutTheActingFirstStrategyTheSessionHidesThePlatformRole() {
        // the defect this strategy fixes: Vaadin's strategy alone ignores what asPlatform sets on the thread
        SecurityContextHolder.setContextHolderStrategy(new SessionFirstStrategy(session));

        assertThat(SystemAuthentication.asPlatform(ActingAuthenticationTest::roles)).doesNotContain("ROLE_PLATFORM_ADMIN");
    }

    @Test
    void aTenantJobSeesItsSystemPrincipalAndTheCallerComesBackWhenItFails() {
        SecurityContextHolder.setContextHolderStrategy(
                new ActingFirstSecurityContextHolderStrategy(new SessionFirstStrategy(session)));
        TenantContext context = new TenantContext();
        var zen = new fr.macrea.max.tenant.Tenant(new TenantId(2), "atelier_zen", "Atelier Zen",
                fr.macrea.max.tenant.Plan.PRO, java.util.Set.of(), fr.macrea.max.tenant.TenantStatus.ACTIVE,
                fr.macrea.max.tenant.CrmMode.EMBEDDED, "crm_atelier_zen");

        String seen = context.callAs(zen, () -> ((MaxPrincipal) SecurityContextHolder.getContext()
                .getAuthentication().getPrincipal()).email());
        assertThat(seen).isEqualTo("system@max");

        assertThatThrownBy(() -> SystemAuthentication.asPlatform(() -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(context.current()).isEqualTo(QMIX);
    }
}
