package fr.macrea.max.ui.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import fr.macrea.max.shared.Message;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.ui.base.Messages;
import fr.macrea.max.ui.wallet.Money;
import fr.macrea.max.wallet.WalletBalance;
import fr.macrea.max.wallet.WalletException;
import fr.macrea.max.wallet.WalletService;

import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The console's top-up of one tenant's wallet: the number of packs typed as plain digits (an integer field would
 * silently drop the dot of "1.5" and credit 15 packs), a confirmation that says the tokens and the euros, and one
 * request key per confirmation dialog, so a double click on "Recharger" or on "Confirmer" credits the packs once.
 */
class TopUpForm extends HorizontalLayout {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,3}");

    private final transient WalletService wallets;
    private final Tenant tenant;
    private final TextField packs = new TextField();
    private final Button open = new Button();

    TopUpForm(WalletService wallets, Tenant tenant) {
        this.wallets = wallets;
        this.tenant = tenant;
        packs.setLabel(getTranslation("console.tenant.packs", wallets.packSize()));
        packs.setId("top-up-packs");
        packs.setValue("1");
        packs.setHelperText(getTranslation("console.tenant.packs.help", 1, WalletService.MAX_PACKS));
        // a numeric keyboard on phones, without the browser's own number parsing
        packs.getElement().setAttribute("inputmode", "numeric");
        open.setText(getTranslation("console.tenant.top-up"));
        open.setId("top-up");
        open.setDisableOnClick(true); // re-enabled when the dialog closes: one dialog per intent
        open.addClickListener(e -> askConfirmation());
        add(packs, open);
        setAlignItems(FlexComponent.Alignment.BASELINE);
    }

    /** Digits only, within the range the wallet accepts; anything else is refused with the wallet's own message. */
    private OptionalInt packCount() {
        String typed = packs.getValue() == null ? "" : packs.getValue().strip();
        if (!DIGITS.matcher(typed).matches()) {
            return OptionalInt.empty();
        }
        int n = Integer.parseInt(typed);
        return n >= 1 && n <= WalletService.MAX_PACKS ? OptionalInt.of(n) : OptionalInt.empty();
    }

    private void askConfirmation() {
        OptionalInt count = packCount();
        if (count.isEmpty()) {
            packs.setInvalid(true);
            String refusal = Messages.text(this, Message.of("wallet.top-up.packs", 1, WalletService.MAX_PACKS));
            packs.setErrorMessage(refusal);
            Notification.show(refusal).addThemeVariants(NotificationVariant.LUMO_ERROR);
            open.setEnabled(true);
            return;
        }
        packs.setInvalid(false);
        int n = count.getAsInt();
        String intent = "console-" + UUID.randomUUID(); // this dialog is the intent: its confirmations share the key
        Dialog dialog = new Dialog();
        dialog.setId("top-up-dialog");
        dialog.setHeaderTitle(getTranslation("console.tenant.top-up.confirm-title"));
        Paragraph summary = new Paragraph(getTranslation("console.tenant.top-up.summary", n, tenant.name(),
                n * wallets.packSize(), Money.euros(wallets.packPriceEur(n), getLocale())));
        summary.setId("top-up-summary");
        Button confirm = new Button(getTranslation("console.tenant.top-up.confirm"));
        confirm.setId("top-up-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(e -> {
            credit(n, intent);
            dialog.close();
        });
        Button cancel = new Button(getTranslation("console.tenant.top-up.cancel"), e -> dialog.close());
        cancel.setId("top-up-cancel");
        dialog.add(summary);
        dialog.getFooter().add(cancel, confirm);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                open.setEnabled(true);
            }
        });
        dialog.open();
    }

    private void credit(int n, String intent) {
        try {
            WalletBalance balance = wallets.topUp(tenant.id(), n, intent);
            Notification.show(getTranslation("console.tenant.topped-up", tenant.name(), balance.total()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (WalletException ex) {
            Notification.show(Messages.text(this, ex)).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
