package fr.macrea.max.ui.action;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import fr.macrea.max.action.ActionRequest;
import fr.macrea.max.action.ActionService;
import fr.macrea.max.action.Mode;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.action.TestSendAction;
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
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class ActionLogUndoKaribuIT extends KaribuSpringIT {

    @Autowired
    TenantService tenants;
    @Autowired
    ActionService actions;
    @Autowired
    ModeService modes;
    @Autowired
    WalletService wallet;

    @SuppressWarnings("unchecked")
    private Grid<Object> grid() {
        return _get(Grid.class, s -> s.withId("action-log-grid"));
    }

    @Test
    void undoAsksBeforeOverwritingAHumanEditThenRestoresAndRefunds() {
        Tenant tenant = TestTenants.create(tenants, "Journal", Plan.PRO);
        price(tenant, TestWriteAction.ID, 5);
        price(tenant, TestSendAction.ID, 3);
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        lead("LEADLOG1");
        modes.set(Mode.AUTO);
        actions.run(ActionRequest.of(TestSendAction.ID, new TestSendAction.Params("LEADLOG1"), "send")
                .withDoubleConfirmation());
        actions.run(ActionRequest.of(TestWriteAction.ID,
                new TestWriteAction.Params("LEADLOG1", Map.of("status", "In Process"), "ok"), "write")
                .withDoubleConfirmation());
        crm.humanEdit(EntityRef.lead("LEADLOG1"), "status", "Converted");
        assertThat(wallet.balance().total()).isEqualTo(492);

        UI.getCurrent().navigate(ActionLogView.class);
        // newest first: row 0 = the write (undoable), row 1 = the send (irreversible)
        assertThat(((Span) _getCellComponent(grid(), 1, "undo")).getText()).isEqualTo("Irréversible");
        _click((Button) _getCellComponent(grid(), 0, "undo"));

        Dialog dialog = _get(Dialog.class, s -> s.withId("undo-conflict-dialog"));
        assertThat(_find(dialog, ListItem.class)).singleElement()
                .satisfies(li -> assertThat(li.getText()).contains("status").contains("Converted").contains("New"));
        assertThat(crm.record(EntityRef.lead("LEADLOG1")).get("status")).as("asked first").isEqualTo("Converted");

        _click(_get(Button.class, s -> s.withId("undo-overwrite")));
        assertThat(crm.record(EntityRef.lead("LEADLOG1")).get("status")).isEqualTo("New");
        assertThat(wallet.balance().total()).isEqualTo(497);
        assertThat(_getCellComponent(grid(), 0, "undo")).isInstanceOf(Span.class);
    }
}
