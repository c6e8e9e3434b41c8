package fr.macrea.max.security;

import fr.macrea.max.shared.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaxPrincipalTest {

    private static final TenantId QMIX = new TenantId(1);
    private static final TenantId ZEN = new TenantId(2);
    private static final List<Membership> TWO_TENANTS = List.of(
            new Membership(QMIX, "qmix_paris", "QMix Paris", Role.TENANT_ADMIN),
            new Membership(ZEN, "atelier_zen", "Atelier Zen", Role.TENANT_USER));

    @Test
    void rolesFollowTheMembershipOfTheCurrentTenant() {
        MaxPrincipal inQmix = new MaxPrincipal(7, "c@macrea.fr", "Camille", "x", false, TWO_TENANTS, QMIX);
        assertThat(authorities(inQmix)).containsExactlyInAnyOrder("ROLE_TENANT_USER", "ROLE_TENANT_ADMIN");

        MaxPrincipal inZen = inQmix.withCurrentTenant(ZEN);
        assertThat(authorities(inZen)).containsExactly("ROLE_TENANT_USER");
        assertThat(inZen.currentTenant()).contains(ZEN);
    }

    @Test
    void cannotWorkInATenantItDoesNotBelongTo() {
        MaxPrincipal principal = new MaxPrincipal(7, "c@macrea.fr", "Camille", "x", false, TWO_TENANTS, QMIX);
        assertThatThrownBy(() -> principal.withCurrentTenant(new TenantId(3)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void platformAdminWithoutTenantHasNoTenantRole() {
        MaxPrincipal admin = new MaxPrincipal(1, "admin@macrea.fr", "MaCréa", "x", true, List.of(), null);
        assertThat(authorities(admin)).containsExactly("ROLE_PLATFORM_ADMIN");
        assertThat(admin.currentTenant()).isEmpty();
    }

    @Test
    void erasesThePasswordHashAfterAuthentication() {
        MaxPrincipal principal = new MaxPrincipal(7, "c@macrea.fr", "Camille", "{bcrypt}hash", false, TWO_TENANTS, QMIX);
        principal.eraseCredentials();
        assertThat(principal.getPassword()).isNull();
    }

    private static List<String> authorities(MaxPrincipal principal) {
        return principal.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
