package fr.macrea.max.ui.action;

import com.vaadin.flow.component.UI;
import fr.macrea.max.action.Mode;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.wallet.BudgetView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class ModeSelectorKaribuIT extends KaribuSpringIT {

    @Autowired
    TenantService tenants;
    @Autowired
    ModeService modes;

    @Test
    void theHeaderSelectorShowsTheThreeModesAndRemembersTheChoice() {
        Tenant tenant = TestTenants.create(tenants, "Modes UI", Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        UI.getCurrent().navigate(BudgetView.class);

        ModeSelector selector = _get(ModeSelector.class);
        assertThat(selector.getValue()).isEqualTo(Mode.CONSEIL);
        assertThat(selector.getItemLabelGenerator().apply(Mode.CONSEIL)).isEqualTo("🟢 Conseil");
        assertThat(selector.getItemLabelGenerator().apply(Mode.ASSISTE)).isEqualTo("🟡 Assisté");
        assertThat(selector.getItemLabelGenerator().apply(Mode.AUTO)).isEqualTo("🔴 Auto");
        assertThat(selector.getItemEnabledProvider().test(Mode.AUTO)).isTrue();

        KaribuSpringIT.chooseFromClient(selector, Mode.AUTO);
        assertThat(modes.current()).isEqualTo(Mode.AUTO);

        // a new page (new UI) shows the remembered mode
        UI.getCurrent().navigate(DraftsView.class);
        UI.getCurrent().getPage().reload();
        assertThat(_get(ModeSelector.class).getValue()).isEqualTo(Mode.AUTO);
    }

    @Test
    void autoIsDisabledOnStandardAndForNonAdmins() {
        Tenant standard = TestTenants.create(tenants, "Modes Standard", Plan.STANDARD);
        TestTenants.signInAs(standard, Role.TENANT_ADMIN);
        UI.getCurrent().navigate(BudgetView.class);
        ModeSelector selector = _get(ModeSelector.class);
        assertThat(selector.getItemEnabledProvider().test(Mode.AUTO)).isFalse();
        assertThat(selector.getItemEnabledProvider().test(Mode.ASSISTE)).isTrue();

        // even if a client forces the value, the server refuses and the selector goes back
        KaribuSpringIT.chooseFromClient(selector, Mode.AUTO);
        assertThat(modes.current()).isEqualTo(Mode.CONSEIL);
        assertThat(selector.getValue()).isEqualTo(Mode.CONSEIL);

        Tenant pro = TestTenants.create(tenants, "Modes Pro user", Plan.PRO);
        TestTenants.signInAs(pro, Role.TENANT_USER);
        UI.getCurrent().navigate(DraftsView.class);
        assertThat(_get(ModeSelector.class).getItemEnabledProvider().test(Mode.AUTO)).isFalse();
    }
}
