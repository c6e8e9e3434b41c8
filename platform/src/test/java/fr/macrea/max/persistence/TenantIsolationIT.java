package fr.macrea.max.persistence;

import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.NewUser;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.security.UserService;
import fr.macrea.max.shared.NoTenantException;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.util.UUID;

import static fr.macrea.max.db.crm.Tables.USER;
import static fr.macrea.max.db.platform.Tables.APP_USER;
import static fr.macrea.max.db.platform.Tables.MEMBERSHIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every path to tenant data answers for the principal's tenant only. */
class TenantIsolationIT extends PlatformIT {

    @Autowired
    TenantService tenants;
    @Autowired
    UserService users;
    @Autowired
    TenantScope scope;
    @Autowired
    TenantDsl tenantDsl;
    @Autowired
    TenantContext context;

    Tenant a;
    Tenant b;

    @BeforeEach
    void twoTenantsWithTheirMembers() {
        a = TestTenants.create(tenants, "Tenant A", Plan.PRO);
        b = TestTenants.create(tenants, "Tenant B", Plan.PRO);
        SystemAuthentication.asPlatform(() -> {
            users.grant(a.id(), users.create(new NewUser(unique("alice"), "Alice", "motdepasse", false)), Role.TENANT_ADMIN);
            users.grant(b.id(), users.create(new NewUser(unique("bob"), "Bob", "motdepasse", false)), Role.TENANT_ADMIN);
            return null;
        });
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void theQueryHelperOnlyReturnsAndChangesRowsOfTheCurrentTenant() {
        TestTenants.signInAs(b, Role.TENANT_ADMIN);

        assertThat(scope.selectFrom(MEMBERSHIP).fetch(MEMBERSHIP.TENANT_ID)).containsOnly(b.id().value()).hasSize(1);
        int deleted = scope.deleteFrom(MEMBERSHIP).and(MEMBERSHIP.TENANT_ID.eq(a.id().value())).execute();
        assertThat(deleted).as("B cannot delete A's rows even by naming A").isZero();
        int updated = scope.update(MEMBERSHIP).set(MEMBERSHIP.ROLE, Role.TENANT_USER.name())
                .where(MEMBERSHIP.TENANT_ID.eq(a.id().value())).execute();
        assertThat(updated).as("B cannot change A's rows even by naming A").isZero();

        TestTenants.signInAs(a, Role.TENANT_ADMIN);
        assertThat(scope.selectFrom(MEMBERSHIP).fetch(MEMBERSHIP.TENANT_ID)).containsOnly(a.id().value()).hasSize(1);
    }

    @Test
    void theQueryHelperRefusesTablesWithoutTenantAndCallersWithoutTenant() {
        TestTenants.signInAs(a, Role.TENANT_USER);
        assertThatThrownBy(() -> scope.selectFrom(APP_USER)).isInstanceOf(IllegalArgumentException.class);

        TestTenants.signOut();
        assertThatThrownBy(() -> scope.selectFrom(MEMBERSHIP)).isInstanceOf(NoTenantException.class);
        assertThatThrownBy(() -> tenantDsl.crm()).isInstanceOf(NoTenantException.class);
    }

    @Test
    void crmQueriesRunInTheCurrentTenantsOwnSchema() {
        TestTenants.signInAs(a, Role.TENANT_USER);
        tenantDsl.crm().insertInto(USER).set(USER.ID, "6b04cdaec6a7236b7").set(USER.USER_NAME, "marie").execute();
        assertThat(tenantDsl.crmSchemaName()).isEqualTo(a.crmSchema());

        TestTenants.signInAs(b, Role.TENANT_ADMIN);
        assertThat(tenantDsl.crm().fetchCount(USER)).as("B sees nothing of A's CRM").isZero();
        int updated = tenantDsl.crm().update(USER).set(USER.USER_NAME, "volé").where(USER.ID.eq("6b04cdaec6a7236b7")).execute();
        assertThat(updated).isZero();

        TestTenants.signInAs(a, Role.TENANT_USER);
        assertThat(tenantDsl.crm().select(USER.USER_NAME).from(USER).fetchOne(USER.USER_NAME)).isEqualTo("marie");
    }

    @Test
    void aUserCannotSwitchToATenantTheyDoNotBelongTo() {
        MaxPrincipal memberOfA = TestTenants.signInAs(a, Role.TENANT_ADMIN);

        assertThatThrownBy(() -> users.switchTenant(b.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(context.current()).isEqualTo(a.id());
        assertThat(users.switchTenant(a.id()).getPrincipal()).isEqualTo(memberOfA);
    }

    @Test
    void tenantServicesAnswerForTheCurrentTenantOnly() {
        TestTenants.signInAs(b, Role.TENANT_ADMIN);
        assertThat(tenants.current().id()).isEqualTo(b.id());
        assertThat(users.membersOfCurrentTenant()).extracting(m -> m.displayName()).containsExactly("Bob");
        assertThatThrownBy(() -> tenants.find(a.id())).isInstanceOf(AccessDeniedException.class);

        TestTenants.signInAs(b, Role.TENANT_USER);
        assertThatThrownBy(() -> users.membersOfCurrentTenant()).as("tenant admins only").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void jobsActForOneTenantAndRestoreTheCaller() {
        TestTenants.signInAs(a, Role.TENANT_USER);
        Tenant seen = context.callAs(b, () -> tenants.current());
        assertThat(seen.id()).isEqualTo(b.id());
        assertThat(context.current()).isEqualTo(a.id());
    }

    private static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@test.fr";
    }
}
