package fr.macrea.max.ui.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.Membership;
import fr.macrea.max.ui.security.CurrentUser;
import jakarta.annotation.security.PermitAll;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The shell around every view: brand, tenant (with a switcher for users of several tenants), feature widgets
 * (mode, balance, notifications), the signed-in user, language and logout; the navigation lists only the views
 * this user may open.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    private final transient CurrentUser currentUser;

    public MainLayout(CurrentUser currentUser, List<HeaderWidget> widgets) {
        this.currentUser = currentUser;
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), navigation());
        addToNavbar(true, header(widgets));
    }

    private Component brand() {
        Span brand = new Span("M.A.X.");
        brand.addClassName("brand");
        Span sub = new Span(getTranslation("app.subtitle"));
        sub.addClassName("brand-sub");
        HorizontalLayout box = new HorizontalLayout(brand, sub);
        box.setAlignItems(FlexComponent.Alignment.BASELINE);
        box.addClassName("brand-box");
        return box;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        MenuConfiguration.getMenuEntries().stream()
                .sorted(Comparator.comparing(e -> e.order() == null ? Double.MAX_VALUE : e.order()))
                .forEach(entry -> nav.addItem(item(entry)));
        return nav;
    }

    private SideNavItem item(MenuEntry entry) {
        return new SideNavItem(getTranslation(entry.title()), entry.path());
    }

    private Component header(List<HeaderWidget> widgets) {
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("header.menu"));
        HorizontalLayout header = new HorizontalLayout(toggle);
        header.addClassName("app-header");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);

        MaxPrincipal principal = currentUser.principal().orElseThrow();
        header.add(tenant(principal));
        Span spacer = new Span();
        header.addAndExpand(spacer);
        widgets.stream().sorted(Comparator.comparingInt(HeaderWidget::order)).forEach(w -> header.add(w.create()));
        header.add(language(), user(principal));
        return header;
    }

    private Component tenant(MaxPrincipal principal) {
        List<Membership> memberships = principal.memberships();
        if (memberships.size() > 1) {
            Select<Membership> switcher = new Select<>();
            switcher.setId("tenant-switcher");
            switcher.setAriaLabel(getTranslation("header.tenant.switch"));
            switcher.setItems(memberships);
            switcher.setItemLabelGenerator(Membership::tenantName);
            principal.currentMembership().ifPresent(switcher::setValue);
            switcher.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    currentUser.switchTenant(e.getValue().tenantId());
                    getUI().ifPresent(ui -> ui.getPage().setLocation("/"));
                }
            });
            return switcher;
        }
        Span name = new Span(principal.currentMembership().map(Membership::tenantName)
                .orElse(getTranslation("header.tenant.platform")));
        name.setId("tenant-name");
        name.addClassName("tenant-name");
        return name;
    }

    private Component language() {
        Select<Locale> language = new Select<>();
        language.setId("language");
        language.setAriaLabel(getTranslation("header.language"));
        language.setItems(UiLocales.SUPPORTED);
        language.setItemLabelGenerator(l -> l.getLanguage().toUpperCase(Locale.ROOT));
        language.setValue(UiLocales.current());
        language.setWidth("5.5em");
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                UiLocales.remember(e.getValue());
                getUI().ifPresent(ui -> ui.getPage().reload());
            }
        });
        return language;
    }

    private Component user(MaxPrincipal principal) {
        Span name = new Span(principal.displayName());
        name.setId("user-name");
        name.addClassName("user-name");
        principal.currentMembership().ifPresent(m -> name.setTitle(getTranslation("role." + m.role().name())));
        Button logout = new Button(getTranslation("header.logout"), e -> currentUser.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout box = new HorizontalLayout(name, logout);
        box.setAlignItems(FlexComponent.Alignment.CENTER);
        return box;
    }
}
