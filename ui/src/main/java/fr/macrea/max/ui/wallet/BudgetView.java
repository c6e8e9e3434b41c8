package fr.macrea.max.ui.wallet;

import fr.macrea.max.ui.base.Dates;
import fr.macrea.max.ui.base.Messages;
import fr.macrea.max.ui.base.Numbers;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.macrea.max.wallet.LedgerEntry;
import fr.macrea.max.wallet.PriceEntry;
import fr.macrea.max.wallet.PriceTableService;
import fr.macrea.max.wallet.WalletBalance;
import fr.macrea.max.wallet.WalletService;
import fr.macrea.max.security.Role;
import jakarta.annotation.security.RolesAllowed;


/** Budget IA (basic): balance split, price table, latest ledger lines. */
@Route("budget")
@Menu(order = 40, title = "nav.budget")
@RolesAllowed(Role.USER)
public class BudgetView extends VerticalLayout implements HasDynamicTitle {


    public BudgetView(WalletService wallet, PriceTableService prices) {
        addClassName("budget-view");
        WalletBalance b = wallet.balance();
        Paragraph summary = new Paragraph(getTranslation("budget.summary", b.total(), Money.euros(b.euroValue()),
                b.allowanceLeft(), b.allowance(), b.packLeft(), b.allowanceUsedPercent()));
        summary.setId("budget-summary");

        Grid<PriceEntry> priceGrid = new Grid<>();
        priceGrid.setId("budget-prices");
        priceGrid.addColumn(p -> Messages.text(this, p.label())).setHeader(getTranslation("budget.action"));
        priceGrid.addColumn(p -> getTranslation("wallet.tokens", p.tokens()) + " (" + Money.euros(b.euroOf(p.tokens())) + ")")
                .setHeader(getTranslation("budget.price"));
        priceGrid.setItems(prices.table());
        priceGrid.setAllRowsVisible(true);

        Grid<LedgerEntry> ledger = new Grid<>();
        ledger.setId("budget-ledger");
        ledger.addColumn(e -> Dates.dateTime(e.at(), getLocale())).setHeader(getTranslation("budget.when"));
        ledger.addColumn(e -> getTranslation("ledger." + e.kind())).setHeader(getTranslation("budget.kind"));
        ledger.addColumn(e -> (e.delta() > 0 ? "+" : "") + Numbers.integer(e.delta(), getLocale())).setHeader(getTranslation("budget.delta"));
        ledger.addColumn(e -> e.reason() == null ? "" : Messages.text(this, e.reason())).setHeader(getTranslation("budget.reason"));
        ledger.setItems(wallet.ledger(200));

        add(new H2(getTranslation("nav.budget")), summary, new H3(getTranslation("budget.prices")), priceGrid,
                new H3(getTranslation("budget.ledger")), ledger);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.budget") + " — M.A.X.";
    }
}
