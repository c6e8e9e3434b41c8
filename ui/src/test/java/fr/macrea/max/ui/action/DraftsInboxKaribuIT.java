package fr.macrea.max.ui.action;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import fr.macrea.max.action.ActionRequest;
import fr.macrea.max.action.ActionService;
import fr.macrea.max.action.Mode;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.action.TestWriteAction;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.wallet.WalletService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class DraftsInboxKaribuIT extends KaribuSpringIT {

    @Autowired
    TenantService tenants;
    @Autowired
    ActionService actions;
    @Autowired
    ModeService modes;
    @Autowired
    WalletService wallet;

    private Tenant tenantWithTwoDrafts() {
        Tenant tenant = TestTenants.create(tenants, "Brouillons", Plan.PRO);
        price(tenant, TestWriteAction.ID, 5);
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        lead("LEADDR1");
        modes.set(Mode.ASSISTE);
        actions.run(ActionRequest.of(TestWriteAction.ID,
                new TestWriteAction.Params("LEADDR1", Map.of("status", "Assigned"), "ok"), "d1"));
        actions.run(ActionRequest.of(TestWriteAction.ID,
                new TestWriteAction.Params("LEADDR1", Map.of("description", "rejeté"), "ok"), "d2"));
        return tenant;
    }

    @SuppressWarnings("unchecked")
    private Grid<Object> grid() {
        return _get(Grid.class, s -> s.withId("drafts-grid"));
    }

    private Button button(int row, String prefix) {
        HorizontalLayout cell = (HorizontalLayout) _getCellComponent(grid(), row, "decision");
        return _get(cell, Button.class, s -> s.withPredicate(b -> b.getId().orElse("").startsWith(prefix)));
    }

    @Test
    void anAdminValidatesOneDraftAndRejectsTheOther() {
        tenantWithTwoDrafts();
        UI.getCurrent().navigate(DraftsView.class);
        assertThat(_size(grid())).isEqualTo(2);

        // newest first: row 0 is "d2" (description), row 1 is "d1" (status)
        _click(button(1, "validate-"));
        assertThat(crm.record(EntityRef.lead("LEADDR1")).get("status")).isEqualTo("Assigned");
        assertThat(wallet.balance().total()).isEqualTo(495);
        assertThat(_size(grid())).isEqualTo(1);

        _click(button(0, "reject-"));
        assertThat(crm.record(EntityRef.lead("LEADDR1")).get("description")).isEqualTo("Premier contact");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, s -> s.withId("drafts-empty")).getText())
                .isEqualTo("Aucun brouillon en attente.");
        assertThat(wallet.balance().total()).isEqualTo(495);
    }

    @Test
    void aTenantUserSeesTheInboxButCannotDecide() {
        Tenant tenant = tenantWithTwoDrafts();
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        UI.getCurrent().navigate(DraftsView.class);
        assertThat(_size(grid())).isEqualTo(2);
        assertThat(button(0, "validate-").isEnabled()).isFalse();
        assertThat(button(0, "reject-").isEnabled()).isFalse();
    }
}
