package fr.macrea.max.security;

import fr.macrea.max.tenant.CrmMode;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantStatus;

import fr.macrea.max.shared.TenantId;
import fr.macrea.max.shared.NoTenantException;
import fr.macrea.max.security.TenantContext;

import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.Membership;
import fr.macrea.max.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantContextTest {

    private static final Tenant QMIX = tenant(1, "qmix_paris");
    private static final Tenant ZEN = tenant(2, "atelier_zen");

    private final SecurityContextHolderStrategy original = SecurityContextHolder.getContextHolderStrategy();
    private final TenantContext context = new TenantContext();

    @AfterEach
    void restoreStrategy() {
        SecurityContextHolder.setContextHolderStrategy(original);
        SecurityContextHolder.clearContext();
    }

    @Test
    void theCurrentTenantIsThePrincipalsAndNothingElse() {
        signIn(member(QMIX));
        assertThat(context.current()).isEqualTo(QMIX.id());

        SecurityContextHolder.clearContext();
        assertThatThrownBy(context::current).isInstanceOf(NoTenantException.class);
    }

    @Test
    void callAsActsForTheTenantEvenWhereTheSecurityContextComesFromTheSession() {
        // like Vaadin's strategy in a UI request: the session's context wins over the one set on the thread
        SecurityContext session = new SecurityContextImpl(authentication(member(QMIX)));
        SecurityContextHolder.setContextHolderStrategy(new SessionFirstStrategy(session));

        TenantId seen = context.callAs(ZEN, context::current);

        assertThat(seen).isEqualTo(ZEN.id());
        assertThat(context.current()).as("the caller is back afterwards").isEqualTo(QMIX.id());
    }

    @Test
    void callAsRestoresTheCallerWhenTheWorkFails() {
        signIn(member(QMIX));
        assertThatThrownBy(() -> context.runAs(ZEN, () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(context.current()).isEqualTo(QMIX.id());
    }

    private static Tenant tenant(long id, String slug) {
        return new Tenant(new TenantId(id), slug, slug, Plan.PRO, Set.of(), TenantStatus.ACTIVE, CrmMode.EMBEDDED, "crm_" + slug);
    }

    private static MaxPrincipal member(Tenant tenant) {
        return new MaxPrincipal(7, "marie@qmix-paris.fr", "Marie", null, false,
                List.of(new Membership(tenant.id(), tenant.slug(), tenant.name(), Role.TENANT_USER)), tenant.id());
    }

    private static UsernamePasswordAuthenticationToken authentication(MaxPrincipal principal) {
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    private static void signIn(MaxPrincipal principal) {
        SecurityContextHolder.getContext().setAuthentication(authentication(principal));
    }
}
