package fr.macrea.max.demo;

import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.MaxUserDetailsService;
import fr.macrea.max.security.Membership;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "max.demo.enabled=true")
class DemoDataLoaderIT extends PlatformIT {

    @Autowired
    TenantService tenants;
    @Autowired
    MaxUserDetailsService users;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    DemoProperties properties;
    @Autowired
    DemoDataLoader loader;

    @Test
    void theFirstStartCreatesTheThreeDemoTenantsWithTheirPlansAndLogins() {
        for (DemoTenant demo : DemoTenant.ALL) {
            Tenant tenant = SystemAuthentication.asPlatform(() -> tenants.findBySlug(demo.slug())).orElseThrow();
            assertThat(tenant.name()).isEqualTo(demo.name());
            assertThat(tenant.plan()).isEqualTo(demo.plan());
            assertThat(tenant.addOns()).isEqualTo(demo.addOns());

            assertLandsIn(demo.adminEmail(), tenant, Role.TENANT_ADMIN);
            assertLandsIn(demo.userEmail(), tenant, Role.TENANT_USER);
        }
        MaxPrincipal admin = users.loadUserByUsername(DemoTenant.PLATFORM_ADMIN_EMAIL);
        assertThat(admin.platformAdmin()).isTrue();
        assertThat(admin.memberships()).isEmpty();
        assertThat(users.loadUserByUsername(DemoTenant.CONSULTANT_EMAIL).memberships())
                .extracting(Membership::tenantName).containsExactly("Atelier Zen", "QMix Paris");
    }

    @Test
    void aSecondStartLoadsNothingTwice() {
        int before = SystemAuthentication.asPlatform(() -> tenants.list()).size();
        loader.run(new DefaultApplicationArguments());
        assertThat(SystemAuthentication.asPlatform(() -> tenants.list())).hasSize(before);
    }

    private void assertLandsIn(String email, Tenant tenant, Role role) {
        MaxPrincipal principal = users.loadUserByUsername(email);
        assertThat(passwordEncoder.matches(properties.password(), principal.getPassword())).as(email).isTrue();
        assertThat(principal.currentMembership()).get().satisfies(m -> {
            assertThat(m.tenantId()).isEqualTo(tenant.id());
            assertThat(m.role()).isEqualTo(role);
        });
    }
}
