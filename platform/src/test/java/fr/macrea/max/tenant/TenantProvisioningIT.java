package fr.macrea.max.tenant;

import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestDatabase;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantProvisioningIT extends PlatformIT {

    @Autowired
    TenantService tenants;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void creatingATenantCreatesItsOwnCrmSchemaOnMariaDb() throws Exception {
        Tenant tenant = TestTenants.create(tenants, "Maison Lumière", Plan.PRO, AddOn.FICHE_METIER);

        assertThat(tenant.crmSchema()).isEqualTo(TestDatabase.CRM_SCHEMA_PREFIX + tenant.slug());
        assertThat(tenant.addOns()).containsExactly(AddOn.FICHE_METIER);
        try (Connection c = TestDatabase.connect();
             ResultSet rs = c.getMetaData().getTables(tenant.crmSchema(), null, "user", null)) {
            assertThat(rs.next()).as("EspoCRM user table in " + tenant.crmSchema()).isTrue();
        }
    }

    @Test
    void aSecondTenantWithTheSameIdentifierIsRefusedWithAClearMessage() {
        Tenant first = TestTenants.create(tenants, "Doublon", Plan.STANDARD);

        assertThatThrownBy(() -> SystemAuthentication.asPlatform(() ->
                tenants.create(new NewTenant("Autre nom", first.slug(), Plan.PRO, Set.of()))))
                .isInstanceOf(InvalidTenantException.class)
                .hasMessageContaining("déjà l'identifiant");
    }

    @Test
    void aNameLongerThanItsColumnIsRefusedWithTheLimitAndANameAtTheLimitIsKept() {
        int before = SystemAuthentication.asPlatform(() -> tenants.list()).size();
        InvalidTenantException tooLong = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidTenantException.class,
                () -> SystemAuthentication.asPlatform(() -> tenants.create(new NewTenant("N".repeat(300), null, Plan.PRO, Set.of()))));
        assertThat(tooLong.message().key()).isEqualTo("tenant.name.too-long");
        assertThat(tooLong.message().args()).containsExactly(NewTenant.NAME_MAX_LENGTH);
        assertThat(tooLong).hasMessageContaining("120 caractères");
        InvalidTenantException longSlug = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidTenantException.class,
                () -> SystemAuthentication.asPlatform(() -> tenants.create(new NewTenant("Court", "s".repeat(3000), Plan.PRO, Set.of()))));
        assertThat(longSlug.message().key()).isEqualTo("tenant.slug.too-long");
        assertThat(SystemAuthentication.asPlatform(() -> tenants.list())).hasSize(before);

        String longest = "Maison " + "L".repeat(NewTenant.NAME_MAX_LENGTH - 7);
        String slug = "long_" + Long.toHexString(System.nanoTime());
        Tenant kept = SystemAuthentication.asPlatform(() -> tenants.create(new NewTenant(longest, slug, Plan.PRO, Set.of())));
        assertThat(SystemAuthentication.asPlatform(() -> tenants.find(kept.id())).orElseThrow().name()).isEqualTo(longest);
    }

    @Test
    void onlyPlatformAdminsCreateListOrReplanTenants() {
        Tenant tenant = TestTenants.create(tenants, "Client Pro", Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);

        assertThatThrownBy(() -> tenants.create(new NewTenant("Pirate", null, Plan.STUDIO, Set.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tenants.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tenants.changePlan(tenant.id(), Plan.STUDIO, Set.of()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(tenants.current().plan()).isEqualTo(Plan.PRO);
    }

    @Test
    void aPlatformAdminChangesPlanAndAddOns() {
        Tenant tenant = TestTenants.create(tenants, "Montée en gamme", Plan.STANDARD);

        Tenant changed = SystemAuthentication.asPlatform(() ->
                tenants.changePlan(tenant.id(), Plan.STUDIO, Set.of(AddOn.FICHE_METIER, AddOn.VOIX_IA)));

        assertThat(changed.plan()).isEqualTo(Plan.STUDIO);
        assertThat(changed.addOns()).containsExactlyInAnyOrder(AddOn.FICHE_METIER, AddOn.VOIX_IA);
    }
}
