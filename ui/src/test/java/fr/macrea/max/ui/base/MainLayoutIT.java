package fr.macrea.max.ui.base;

import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.Membership;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.KaribuIT;
import fr.macrea.max.ui.console.TenantsConsoleView;
import fr.macrea.max.ui.home.HomeView;
import fr.macrea.max.ui.security.LoginView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

class MainLayoutIT extends KaribuIT {

    @Autowired
    TenantService tenants;
    @Autowired
    TenantContext tenantContext;

    @Test
    void aTenantUserLandsInTheirTenantsShellInFrench() {
        Tenant qmix = TestTenants.create(tenants, "QMix Test", Plan.STUDIO);
        MaxPrincipal marie = TestTenants.member(qmix, Role.TENANT_USER);

        signInAndOpen(marie, "");

        _assertOne(HomeView.class);
        assertThat(_get(Span.class, s -> s.withId("tenant-name")).getText()).isEqualTo("QMix Test");
        assertThat(_get(Span.class, s -> s.withId("user-name")).getText()).isEqualTo(marie.displayName());
        assertThat(_get(Span.class, s -> s.withId("home-plan")).getText()).isEqualTo("Plan Studio");
        assertThat(navigationLabels()).contains("Accueil").doesNotContain("Console plateforme");
    }

    @Test
    void aTenantUserTypingTheConsoleUrlIsRefused() {
        Tenant tenant = TestTenants.create(tenants, "Curieux", Plan.PRO);
        signInAndOpen(TestTenants.member(tenant, Role.TENANT_ADMIN), "");

        UI.getCurrent().navigate("console");
        _assertNone(TenantsConsoleView.class);
        _assertOne(fr.macrea.max.ui.error.AccessDeniedView.class); // the product's page in the layout
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPage() {
        UI.getCurrent().navigate("");
        _assertOne(LoginView.class);
        _assertNone(HomeView.class);
    }

    @Test
    void aPlatformAdminWithoutTenantGoesToTheConsole() {
        MaxPrincipal admin = new MaxPrincipal(1, "admin@macrea.fr", "Équipe MaCréa", null, true, List.of(), null);

        signInAndOpen(admin, "");

        _assertOne(TenantsConsoleView.class);
        assertThat(navigationLabels()).contains("Console plateforme");
    }

    @Test
    void aMemberOfTwoTenantsSwitchesBetweenThemAndOnlyThem() {
        Tenant qmix = TestTenants.create(tenants, "QMix Switch", Plan.STUDIO);
        Tenant zen = TestTenants.create(tenants, "Zen Switch", Plan.STANDARD);
        MaxPrincipal consultant = new MaxPrincipal(4242, "consultant@macrea.fr", "Camille", null, false, List.of(
                new Membership(qmix.id(), qmix.slug(), qmix.name(), Role.TENANT_USER),
                new Membership(zen.id(), zen.slug(), zen.name(), Role.TENANT_USER)), qmix.id());
        signInAndOpen(consultant, "");

        @SuppressWarnings("unchecked")
        Select<Membership> switcher = _get(Select.class, s -> s.withId("tenant-switcher"));
        assertThat(switcher.getListDataView().getItems().map(Membership::tenantName)).containsExactly("QMix Switch", "Zen Switch");

        // as if picked in the browser (Karibu 2.6's _setValue does not match Vaadin 25.2's field API)
        switcher.setValue(consultant.memberships().get(1));
        HasValueUtilsKt._fireValueChange(switcher, true);

        assertThat(tenantContext.current()).isEqualTo(zen.id());
    }

    private static List<String> navigationLabels() {
        return _find(SideNav.class).getFirst().getItems().stream().map(SideNavItem::getLabel).toList();
    }
}
