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
import org.jooq.impl.DSL;
import org.springframework.security.access.AccessDeniedException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import static fr.macrea.max.db.crm.Tables.USER;
import static fr.macrea.max.db.platform.Tables.APP_USER;
import static fr.macrea.max.db.platform.Tables.MEMBERSHIP;
import static fr.macrea.max.db.platform.Tables.WALLET_LEDGER;
import static fr.macrea.max.db.platform.Tables.WALLET_RESERVATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every path to tenant data answers for the principal's tenant only. */
class TenantIsolationIT extends PlatformIT {

    private static final String TEST = "TEST";

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
    void multiRowInsertsSetTheCurrentTenantOnEveryRowAndAggregatesCountItsRowsOnly() {
        TestTenants.signInAs(a, Role.TENANT_ADMIN);
        ledgerLines(-10, -20, -30);
        TestTenants.signInAs(b, Role.TENANT_ADMIN);
        ledgerLines(-1, -2);

        // the ledger also holds the tenant's opening grant: count only this test's lines (kind TEST)
        assertThat(scope.select(DSL.sum(WALLET_LEDGER.DELTA)).from(WALLET_LEDGER).and(WALLET_LEDGER.KIND.eq(TEST))
                .fetchOne(0, Long.class))
                .as("B's sum ignores A's lines").isEqualTo(-3L);
        assertThat(scope.select(WALLET_LEDGER.TENANT_ID).from(WALLET_LEDGER)
                .and(WALLET_LEDGER.TENANT_ID.eq(a.id().value())).fetch())
                .as("naming A in the condition finds nothing").isEmpty();
        TestTenants.signInAs(a, Role.TENANT_ADMIN);
        var lines = DSL.count().as("lines");
        assertThat(scope.select(WALLET_LEDGER.TENANT_ID, lines).from(WALLET_LEDGER).and(WALLET_LEDGER.KIND.eq(TEST))
                .groupBy(WALLET_LEDGER.TENANT_ID).fetchMap(WALLET_LEDGER.TENANT_ID, lines))
                .containsExactly(java.util.Map.entry(a.id().value(), 3));
        assertThatThrownBy(() -> scope.insertInto(WALLET_LEDGER, WALLET_LEDGER.TENANT_ID, WALLET_LEDGER.KIND))
                .as("a caller cannot choose the tenant of a row").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aJoinCarriesTheTenantConditionOfEveryTenantOwnedTable() {
        TestTenants.signInAs(a, Role.TENANT_ADMIN);
        long reservationOfA = scope.insertInto(WALLET_RESERVATION).set(WALLET_RESERVATION.REQUEST_KEY, "a-1")
                .set(WALLET_RESERVATION.AMOUNT, 5).set(WALLET_RESERVATION.PERIOD_START, LocalDate.now())
                .set(WALLET_RESERVATION.STATUS, "HELD").set(WALLET_RESERVATION.CREATED_AT, LocalDateTime.now())
                .set(WALLET_RESERVATION.EXPIRES_AT, LocalDateTime.now()).returning(WALLET_RESERVATION.ID).fetchOne()
                .getId();

        TestTenants.signInAs(b, Role.TENANT_ADMIN);
        // B forges a ledger line that points at A's reservation: the join must not reach A's row
        scope.insertInto(WALLET_LEDGER, WALLET_LEDGER.KIND, WALLET_LEDGER.DELTA, WALLET_LEDGER.RESERVATION_ID,
                WALLET_LEDGER.CREATED_AT).values(TEST, -5, reservationOfA, LocalDateTime.now()).execute();
        var on = WALLET_RESERVATION.ID.eq(WALLET_LEDGER.RESERVATION_ID);
        assertThat(scope.select(WALLET_RESERVATION.REQUEST_KEY).from(WALLET_LEDGER, TenantSelect.join(WALLET_RESERVATION, on))
                .fetch()).as("inner join: A's reservation is not B's").isEmpty();
        assertThat(scope.select(WALLET_LEDGER.DELTA, WALLET_RESERVATION.REQUEST_KEY)
                .from(WALLET_LEDGER, TenantSelect.leftJoin(WALLET_RESERVATION, on)).and(WALLET_LEDGER.KIND.eq(TEST)).fetch())
                .as("left join: B's line stays, A's reservation stays hidden")
                .singleElement().satisfies(r -> {
                    assertThat(r.get(WALLET_LEDGER.DELTA)).isEqualTo(-5);
                    assertThat(r.get(WALLET_RESERVATION.REQUEST_KEY)).isNull();
                });
        assertThat(scope.select(MEMBERSHIP.TENANT_ID, APP_USER.EMAIL)
                .from(MEMBERSHIP, TenantSelect.join(APP_USER, APP_USER.ID.eq(MEMBERSHIP.USER_ID))).fetch())
                .as("a shared table (users) joins without a tenant condition of its own")
                .singleElement().satisfies(r -> assertThat(r.get(APP_USER.EMAIL)).startsWith("bob."));
    }

    @Test
    void theQueryHelperRefusesTablesWithoutTenantAndCallersWithoutTenant() {
        TestTenants.signInAs(a, Role.TENANT_USER);
        assertThatThrownBy(() -> scope.selectFrom(APP_USER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scope.select(APP_USER.EMAIL).from(APP_USER)).isInstanceOf(IllegalArgumentException.class);

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

    private void ledgerLines(int... deltas) {
        var insert = scope.insertInto(WALLET_LEDGER, WALLET_LEDGER.KIND, WALLET_LEDGER.DELTA, WALLET_LEDGER.CREATED_AT);
        for (int delta : deltas) {
            insert.values(TEST, delta, LocalDateTime.now());
        }
        assertThat(insert.execute()).isEqualTo(deltas.length);
    }

    private static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@test.fr";
    }
}
