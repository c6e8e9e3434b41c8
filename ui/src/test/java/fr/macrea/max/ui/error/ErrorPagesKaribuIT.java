package fr.macrea.max.ui.error;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.router.RouterLink;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.KaribuIT;
import fr.macrea.max.ui.base.MainLayout;
import fr.macrea.max.ui.console.TenantsConsoleView;
import fr.macrea.max.ui.home.HomeView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** A mistyped address and a view the role does not allow show the product's page in the main layout. */
class ErrorPagesKaribuIT extends KaribuIT {

    @Autowired
    TenantService tenants;

    /**
     * Opens an address as the browser does when it is typed (the server resolves it). {@code UI.navigate(String)}
     * hands an address that matches no server view to the client-side router, which Karibu does not have.
     */
    private static void open(String path) {
        UI ui = UI.getCurrent();
        ui.getInternals().getRouter().navigate(ui, new Location(path), NavigationTrigger.PAGE_LOAD);
    }

    @Test
    void an_unknown_address_shows_the_french_not_found_page_in_the_layout_with_a_way_home() {
        Tenant tenant = TestTenants.create(tenants, "Adresse inconnue", Plan.STANDARD);
        signIn(TestTenants.member(tenant, Role.TENANT_USER));
        open("nimportequoi/42");

        NotFoundView page = _get(NotFoundView.class);
        assertThat(page.getParent()).get().isInstanceOf(MainLayout.class);
        assertThat(_get(page, H2.class).getText()).isEqualTo("Page introuvable");
        assertThat(_get(page, Paragraph.class, s -> s.withId("error-text")).getText())
                .contains("/nimportequoi/42").doesNotContain("Could not navigate");
        RouterLink home = _get(page, RouterLink.class, s -> s.withId("error-home"));
        assertThat(home.getText()).isEqualTo("Retour à l'accueil");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Page introuvable — M.A.X.");

        UI.getCurrent().navigate(home.getHref());
        _get(HomeView.class);
        _assertNone(NotFoundView.class);
    }

    @Test
    void a_tenant_admin_opening_the_console_is_told_access_is_denied_in_english_too() {
        Tenant tenant = TestTenants.create(tenants, "Console interdite", Plan.PRO);
        signInAndOpen(TestTenants.member(tenant, Role.TENANT_ADMIN), "console");

        AccessDeniedView page = _get(AccessDeniedView.class);
        _assertNone(TenantsConsoleView.class);
        assertThat(page.getParent()).get().isInstanceOf(MainLayout.class);
        assertThat(_get(page, H2.class).getText()).isEqualTo("Accès refusé");
        assertThat(_get(page, Paragraph.class, s -> s.withId("error-text")).getText())
                .contains("/console").doesNotContain("Could not navigate");

        inEnglish();
        UI.getCurrent().navigate("console");
        assertThat(_get(AccessDeniedView.class).getChildren().filter(H2.class::isInstance).findFirst()
                .map(h -> ((H2) h).getText())).contains("Access denied");
        open("pas-de-page");
        assertThat(_get(_get(NotFoundView.class), RouterLink.class, s -> s.withId("error-home")).getText())
                .isEqualTo("Back to home");
    }
}
