package fr.macrea.max.ui.console;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.KaribuIT;
import fr.macrea.max.wallet.WalletService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.clearNotifications;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/** The console's "Recharger": strict pack count, a confirmation with tokens and euros, one credit per intent. */
class TopUpKaribuIT extends KaribuIT {

    @Autowired
    TenantService tenants;
    @Autowired
    TenantContext tenantContext;
    @Autowired
    WalletService wallets;

    @Test
    void one_point_five_packs_is_refused_with_the_wallets_message_and_credits_nothing() {
        Tenant tenant = openConsoleOn("Recharge stricte");
        int before = balance(tenant);

        for (String typed : new String[]{"1.5", "1,5", "15 packs", "-2", "21", ""}) {
            packs().setValue(typed);
            _click(_get(Button.class, s -> s.withId("top-up")));
            expectNotifications("Le nombre de packs doit être compris entre 1 et 20.");
            _assertNone(Dialog.class);
            assertThat(packs().isInvalid()).as(typed).isTrue();
            assertThat(_get(Button.class, s -> s.withId("top-up")).isEnabled()).as("can try again").isTrue();
        }
        assertThat(balance(tenant)).isEqualTo(before);
    }

    @Test
    void a_top_up_waits_for_a_confirmation_that_says_the_tokens_and_the_euros() {
        Tenant tenant = openConsoleOn("Recharge confirmee");
        int before = balance(tenant);
        packs().setValue("3");
        _click(_get(Button.class, s -> s.withId("top-up")));

        assertThat(balance(tenant)).as("nothing credited before the confirmation").isEqualTo(before);
        String euros = NumberFormat.getCurrencyInstance(Locale.FRANCE)
                .format(wallets.packPriceEur(3)).replace('\u202f', ' ').replace('\u00a0', ' ');
        assertThat(_get(Paragraph.class, s -> s.withId("top-up-summary")).getText())
                .isEqualTo("Ajouter 3 pack(s) au portefeuille de « Recharge confirmee » : "
                        + NumberFormat.getIntegerInstance(Locale.FRENCH).format(3L * wallets.packSize()).replace('\u202f', ' ')
                        + " jetons pour " + euros + ". Une recharge ne s’annule pas.");
        assertThat(wallets.packPriceEur(3)).isEqualByComparingTo(wallets.packPriceEur(1).multiply(BigDecimal.valueOf(3)));

        _click(_get(Button.class, s -> s.withId("top-up-cancel")));
        assertThat(balance(tenant)).as("cancelled: nothing credited").isEqualTo(before);
        assertThat(_get(Button.class, s -> s.withId("top-up")).isEnabled()).isTrue();

        _click(_get(Button.class, s -> s.withId("top-up")));
        _click(_get(Button.class, s -> s.withId("top-up-confirm")));
        assertThat(balance(tenant)).isEqualTo(before + 3 * wallets.packSize());
        _assertNone(Dialog.class);
    }

    @Test
    void in_english_the_confirmation_formats_tokens_and_euros_the_english_way() {
        Tenant tenant = TestTenants.create(tenants, "Top-up English", Plan.STANDARD);
        signInPlatformAdmin();
        inEnglish();
        open(tenant);
        packs().setValue("4");
        _click(_get(Button.class, s -> s.withId("top-up")));

        String summary = _get(Paragraph.class, s -> s.withId("top-up-summary")).getText();
        assertThat(summary).startsWith("Add 4 pack(s) to the wallet of \"Top-up English\": "
                + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(4L * wallets.packSize()) + " tokens for €");
        assertThat(summary).as("English money: the sign first, a decimal point")
                .containsPattern("tokens for €\\d+\\.\\d{2}\\. ").doesNotContain(",00 €");
    }

    @Test
    void a_double_click_on_confirm_credits_once_and_the_next_dialog_is_a_new_intent() {
        Tenant tenant = openConsoleOn("Recharge double clic");
        int before = balance(tenant);
        packs().setValue("2");
        Button open = _get(Button.class, s -> s.withId("top-up"));
        assertThat(open.isDisableOnClick()).as("the browser disables Recharger at the first click").isTrue();
        _click(open);
        Button confirm = _get(Button.class, s -> s.withId("top-up-confirm"));
        assertThat(confirm.isDisableOnClick()).isTrue();

        // both clicks of a double click reach the server before the browser has disabled the button
        ComponentUtil.fireEvent(confirm, new ClickEvent<>(confirm));
        ComponentUtil.fireEvent(confirm, new ClickEvent<>(confirm));
        assertThat(balance(tenant)).as("one intent, one credit").isEqualTo(before + 2 * wallets.packSize());

        clearNotifications();
        _click(_get(Button.class, s -> s.withId("top-up")));
        _click(_get(Button.class, s -> s.withId("top-up-confirm")));
        assertThat(balance(tenant)).as("a new dialog is a new intent").isEqualTo(before + 4 * wallets.packSize());
    }

    private Tenant openConsoleOn(String name) {
        Tenant tenant = TestTenants.create(tenants, name, Plan.STANDARD);
        signInPlatformAdmin();
        open(tenant);
        return tenant;
    }

    @SuppressWarnings("unchecked")
    private void open(Tenant tenant) {
        UI.getCurrent().navigate(TenantsConsoleView.class);
        Grid<Tenant> grid = _get(Grid.class, s -> s.withId("tenants-grid"));
        grid.select(grid.getGenericDataView().getItems().filter(t -> t.id().equals(tenant.id())).findFirst()
                .orElseThrow());
    }

    private TextField packs() {
        return _get(TextField.class, s -> s.withId("top-up-packs"));
    }

    private int balance(Tenant tenant) {
        return tenantContext.callAs(tenant, () -> wallets.balance().total());
    }
}
