package fr.macrea.max.wallet;

import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tenant B against tenant A's price table and ledger: B reaches only its own rows. */
class WalletIsolationIT extends PlatformIT {

    @Autowired
    TenantService tenants;
    @Autowired
    PriceTableService prices;
    @Autowired
    WalletService wallet;
    @Autowired
    WalletReservations charges;
    @Autowired
    WalletRepository repository;

    Tenant a;
    Tenant b;

    @BeforeEach
    void twoTenants() {
        a = TestTenants.create(tenants, "Prix A", Plan.PRO);
        b = TestTenants.create(tenants, "Prix B", Plan.PRO);
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void aPriceSetForTenantAIsNeitherSeenNorPaidByTenantB() {
        int standard = DefaultPrices.tokens().get(DefaultPrices.LEAD_ANALYSIS);
        SystemAuthentication.asPlatform(() -> prices.setPrice(a.id(), DefaultPrices.LEAD_ANALYSIS, standard + 5));

        TestTenants.signInAs(b, Role.TENANT_ADMIN);
        assertThat(prices.price(DefaultPrices.LEAD_ANALYSIS)).as("B pays its own price").isEqualTo(standard);
        assertThat(prices.table()).filteredOn(p -> p.actionId().equals(DefaultPrices.LEAD_ANALYSIS))
                .extracting(PriceEntry::tokens).containsExactly(standard);
        assertThatThrownBy(() -> prices.tableOf(a.id())).as("B cannot read A's table by naming A")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> prices.setPrice(a.id(), DefaultPrices.LEAD_ANALYSIS, 0))
                .as("nor change it").isInstanceOf(AccessDeniedException.class);

        TestTenants.signInAs(a, Role.TENANT_USER);
        assertThat(prices.price(DefaultPrices.LEAD_ANALYSIS)).isEqualTo(standard + 5);
    }

    @Test
    void tenantBsLedgerPageShowsNoneOfALinesAndBCannotSettleAsReservations() {
        TestTenants.signInAs(a, Role.TENANT_USER);
        Reservation ofA = charges.reserve("iso-a-1", 7, "analyse A");
        charges.reserve("iso-a-2", 3, "analyse A");
        int balanceOfA = wallet.balance().total();

        TestTenants.signInAs(b, Role.TENANT_USER);
        assertThat(wallet.ledger(1000)).as("B's page holds its own opening grant only, none of A's lines")
                .extracting(LedgerEntry::kind).containsExactly("GRANT");
        assertThat(charges.commit(ofA.id())).as("B cannot commit A's reservation by its id").isFalse();
        assertThat(charges.refund(ofA.id(), "vol")).as("nor refund it").isFalse();
        charges.reserve("iso-b-1", 2, "analyse B");
        assertThat(wallet.ledger(1000)).extracting(LedgerEntry::delta).containsExactly(-2, 500);
        assertThat(wallet.audit().consistent()).isTrue();

        TestTenants.signInAs(a, Role.TENANT_USER);
        assertThat(wallet.ledger(1000)).filteredOn(e -> e.kind().equals("RESERVE")).extracting(e -> fr.macrea.max.action.FrenchText.of(e.reason()))
                .containsExactly("analyse A", "analyse A");
        assertThat(wallet.balance().total()).as("A's tokens are still held, not refunded by B").isEqualTo(balanceOfA);
        assertThat(repository.reservation(ofA.id())).map(ReservationRow::status).contains(ReservationStatus.HELD);
    }
}
