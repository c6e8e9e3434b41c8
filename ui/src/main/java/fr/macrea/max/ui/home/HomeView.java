package fr.macrea.max.ui.home;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.tenant.AddOn;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.ui.console.TenantsConsoleView;
import fr.macrea.max.ui.security.CurrentUser;
import jakarta.annotation.security.PermitAll;

import java.util.stream.Collectors;

/** Where a signed-in user lands: their tenant, plan and role. Platform admins without a tenant go to the console. */
@Route("")
@Menu(order = 0, title = "nav.home")
@PermitAll
public class HomeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient TenantService tenants;
    private final transient CurrentUser currentUser;

    public HomeView(TenantService tenants, CurrentUser currentUser) {
        this.tenants = tenants;
        this.currentUser = currentUser;
        addClassName("home-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        MaxPrincipal principal = currentUser.principal().orElseThrow();
        if (principal.currentTenant().isEmpty()) {
            if (principal.platformAdmin()) {
                event.forwardTo(TenantsConsoleView.class);
            } else {
                removeAll();
                add(new Paragraph(getTranslation("home.no-tenant")));
            }
            return;
        }
        show(tenants.current(), principal);
    }

    private void show(Tenant tenant, MaxPrincipal principal) {
        removeAll();
        H2 title = new H2(getTranslation("home.welcome", tenant.name()));
        title.setId("home-title");
        Span plan = new Span(getTranslation("home.plan", tenant.plan().label()));
        plan.setId("home-plan");
        plan.addClassName("badge");
        String addOns = tenant.addOns().stream().map(a -> getTranslation(a.labelKey())).sorted().collect(Collectors.joining(", "));
        Paragraph addOnLine = new Paragraph(getTranslation("home.add-ons",
                addOns.isEmpty() ? getTranslation("home.add-ons.none") : addOns));
        String role = principal.currentMembership().map(m -> getTranslation("role." + m.role().name())).orElse("");
        Paragraph roleLine = new Paragraph(getTranslation("home.role", principal.displayName(), role));
        roleLine.setId("home-role");
        add(title, new Div(plan), addOnLine, roleLine, new Paragraph(getTranslation("home.intro")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home") + " — M.A.X.";
    }
}
