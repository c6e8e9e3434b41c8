package fr.macrea.max.ui.wallet;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.action.KaribuSpringIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Budget IA's price table names each action in the user's language. */
class BudgetPricesKaribuIT extends KaribuSpringIT {

    @Autowired
    TenantService tenants;

    @Test
    void the_price_table_names_the_actions_in_french_for_a_french_user() {
        open("Tarifs FR");
        assertThat(actionNames()).contains("Analyse de leads", "Création de newsletter", "Appel IA");
    }

    @Test
    void the_price_table_names_the_actions_in_english_for_an_english_user() {
        inEnglish();
        open("Tarifs EN");
        assertThat(actionNames()).contains("Lead analysis", "Newsletter creation", "AI call")
                .doesNotContain("Analyse de leads", "Appel IA");
    }

    private void open(String tenantName) {
        Tenant tenant = TestTenants.create(tenants, tenantName, Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        UI.getCurrent().navigate(BudgetView.class);
    }

    @SuppressWarnings("unchecked")
    private List<String> actionNames() {
        Grid<Object> prices = _get(Grid.class, s -> s.withId("budget-prices"));
        int size = (int) prices.getGenericDataView().getItems().count();
        return IntStream.range(0, size).mapToObj(i -> GridKt._getFormattedRow(prices, i).getFirst()).toList();
    }
}
