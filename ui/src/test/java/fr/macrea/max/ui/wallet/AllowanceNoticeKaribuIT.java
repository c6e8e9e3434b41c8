package fr.macrea.max.ui.wallet;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import fr.macrea.max.action.analysis.LeadAnalysisService;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.action.KaribuSpringIT;
import fr.macrea.max.ui.action.LeadAnalysisView;
import fr.macrea.max.wallet.WalletService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The header's 100 % notice says what is true: pack tokens take over while some are left, else a hard stop. */
class AllowanceNoticeKaribuIT extends KaribuSpringIT {

    @Autowired
    TenantService tenants;
    @Autowired
    WalletService wallet;
    @Autowired
    LeadAnalysisService analysis;

    @Test
    void allowance_spent_with_no_pack_left_is_announced_as_a_hard_stop() {
        Tenant tenant = spendTheAllowance("Allocation seche", 0);
        assertThat(wallet.balance().packLeft()).isZero();

        UI.getCurrent().navigate(LeadAnalysisView.class);

        assertThat(notices()).contains("Votre allocation mensuelle est épuisée et il ne reste aucun jeton de pack : "
                + "plus aucune action IA jusqu’à la prochaine période ou une recharge de packs.");
        assertThat(notices()).noneMatch(n -> n.contains("prennent le relais"));
        assertThat(tenant).isNotNull();
    }

    @Test
    void allowance_spent_with_packs_left_says_the_packs_take_over_and_how_many_are_left() {
        spendTheAllowance("Allocation et packs", 1);
        int left = wallet.balance().packLeft();
        assertThat(left).isPositive();

        UI.getCurrent().navigate(LeadAnalysisView.class);

        assertThat(notices()).contains("Votre allocation mensuelle est épuisée : les jetons de pack prennent le relais ("
                + java.text.NumberFormat.getIntegerInstance(java.util.Locale.FRENCH).format(left).replace('\u202f', ' ')
                + " jetons restants).");
    }

    /** A Standard tenant (no packs unless topped up) whose whole monthly allowance goes into one analysis. */
    private Tenant spendTheAllowance(String name, int packs) {
        Tenant tenant = TestTenants.create(tenants, name, Plan.STANDARD);
        if (packs > 0) {
            SystemAuthentication.asPlatform(() -> wallet.topUp(tenant.id(), packs, "notice-" + name));
        }
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        int allowance = wallet.balance().allowance();
        price(tenant, LeadAnalysisService.ACTION_ID, allowance);
        lead("LEADNOTICE");
        analysis.analyseLead("LEADNOTICE", "spend-" + name);
        assertThat(wallet.balance().allowanceLeft()).isZero();
        return tenant;
    }

    private static List<String> notices() {
        return NotificationsKt.getNotifications().stream().map(com.github.mvysny.kaributools.NotificationsKt::getText).toList();
    }
}
