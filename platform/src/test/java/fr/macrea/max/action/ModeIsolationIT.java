package fr.macrea.max.action;

import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.Membership;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's mode belongs to one tenant: the same user in tenant B neither sees nor changes their mode in A. */
class ModeIsolationIT extends PlatformIT {

    @Autowired
    TenantService tenants;
    @Autowired
    ModeService modes;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void theModeChosenInTenantAIsNotTheModeInTenantB() {
        Tenant a = TestTenants.create(tenants, "Mode A", Plan.PRO);
        Tenant b = TestTenants.create(tenants, "Mode B", Plan.PRO);
        // one user id, a member of both tenants: only the tenant tells their rows apart
        MaxPrincipal inA = new MaxPrincipal(4_242_000 + a.id().value(), "deux@test.fr", "Deux", null, false, List.of(
                new Membership(a.id(), a.slug(), a.name(), Role.TENANT_ADMIN),
                new Membership(b.id(), b.slug(), b.name(), Role.TENANT_ADMIN)), a.id());
        MaxPrincipal inB = inA.withCurrentTenant(b.id());

        TestTenants.signIn(inA);
        assertThat(modes.set(Mode.AUTO)).isEqualTo(Mode.AUTO);

        TestTenants.signIn(inB);
        assertThat(modes.current()).as("B does not see A's row").isEqualTo(Mode.CONSEIL);
        modes.set(Mode.ASSISTE);
        assertThat(modes.current()).isEqualTo(Mode.ASSISTE);

        TestTenants.signIn(inA);
        assertThat(modes.current()).as("B's choice did not overwrite A's row").isEqualTo(Mode.AUTO);
    }
}
