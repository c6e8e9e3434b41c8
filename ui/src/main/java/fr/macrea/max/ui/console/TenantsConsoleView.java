package fr.macrea.max.ui.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import fr.macrea.max.brain.BrainActivationException;
import fr.macrea.max.brain.BrainActivationService;
import fr.macrea.max.brain.TenantBrain;
import fr.macrea.max.security.InvitationService;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.AddOn;
import fr.macrea.max.wallet.WalletService;
import fr.macrea.max.ui.base.Messages;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import jakarta.annotation.security.RolesAllowed;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Platform console, tenants: list and create (with the tenant's first admin, {@link NewTenantForm}); pick a tenant to change its plan and add-ons and to activate or
 * deactivate its brains (platform admins only; every rule is checked again by the services).
 */
@Route("console")
@Menu(order = 90, title = "nav.console")
@RolesAllowed(Role.PLATFORM_ADMIN)
public class TenantsConsoleView extends VerticalLayout implements HasDynamicTitle {

    private final transient TenantService tenants;
    private final transient BrainActivationService brains;
    private final transient WalletService wallets;
    private final transient InvitationService invitations;
    private final Grid<Tenant> grid = new Grid<>();
    private final VerticalLayout editor = new VerticalLayout();
    private transient Map<Long, String> brainsByTenant = Map.of();

    public TenantsConsoleView(TenantService tenants, BrainActivationService brains, WalletService wallets,
                              InvitationService invitations) {
        this.tenants = tenants;
        this.brains = brains;
        this.wallets = wallets;
        this.invitations = invitations;
        addClassName("console-view");
        grid.setId("tenants-grid");
        grid.addColumn(Tenant::name).setHeader(getTranslation("console.tenant.name")).setSortable(true);
        grid.addColumn(Tenant::slug).setHeader(getTranslation("console.tenant.slug"));
        grid.addColumn(t -> t.plan().label()).setHeader(getTranslation("console.tenant.plan"));
        grid.addColumn(t -> t.addOns().stream().map(a -> getTranslation(a.labelKey())).sorted().collect(Collectors.joining(", ")))
                .setHeader(getTranslation("console.tenant.add-ons"));
        grid.addColumn(t -> brainsByTenant.getOrDefault(t.id().value(), ""))
                .setHeader(getTranslation("console.tenant.brains"));
        grid.addColumn(t -> getTranslation("crm-mode." + t.crmMode().name())).setHeader(getTranslation("console.tenant.crm"));
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        editor.setId("tenant-editor");
        editor.setPadding(false);
        add(new H2(getTranslation("console.tenants")), new NewTenantForm(tenants, invitations, t -> refresh()), grid,
                editor);
        refresh();
    }

    /** Plan, add-ons and brains of one tenant. */
    private void edit(Tenant tenant) {
        editor.removeAll();
        if (tenant == null) {
            return;
        }
        Select<Plan> plan = new Select<>();
        plan.setId("edit-tenant-plan");
        plan.setLabel(getTranslation("console.tenant.plan"));
        plan.setItems(Plan.values());
        plan.setItemLabelGenerator(Plan::label);
        plan.setValue(tenant.plan());
        CheckboxGroup<AddOn> addOns = new CheckboxGroup<>(getTranslation("console.tenant.add-ons"));
        addOns.setId("edit-tenant-add-ons");
        addOns.setItems(AddOn.values());
        addOns.setItemLabelGenerator(a -> getTranslation(a.labelKey()));
        addOns.setValue(tenant.addOns());
        Button save = new Button(getTranslation("console.tenant.save-plan"), e -> {
            Tenant changed = tenants.changePlan(tenant.id(), plan.getValue(), Set.copyOf(addOns.getValue()));
            Notification.show(getTranslation("console.tenant.plan-saved", changed.name()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            reselect(changed);
        });
        save.setId("save-tenant-plan");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout planForm = new HorizontalLayout(plan, addOns, save);
        planForm.setAlignItems(FlexComponent.Alignment.BASELINE);

        // one row per brain (not a grid): the buttons are plain components, reachable by keyboard and tests
        VerticalLayout brainList = new VerticalLayout();
        brainList.setId("tenant-brains");
        brainList.setPadding(false);
        brainList.setSpacing(false);
        for (TenantBrain brain : brains.brainsOf(tenant.id())) {
            Span name = new Span(brain.name() + (brain.version().isEmpty() ? "" : " " + brain.version()));
            name.setMinWidth("16em");
            HorizontalLayout row = new HorizontalLayout(name, brainState(brain), brainToggle(tenant, brain));
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            row.setId("tenant-brain-" + brain.id());
            brainList.add(row);
        }

        Button contributions = new Button(getTranslation("console.tenant.contributions"), e ->
                getUI().ifPresent(ui -> ui.navigate(BrainContributionsView.class,
                        QueryParameters.of("tenant", tenant.slug()))));
        contributions.setId("show-contributions");
        contributions.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        editor.add(new H3(tenant.name()), planForm, new H3(getTranslation("console.tenant.tokens")), topUp(tenant),
                new H3(getTranslation("console.tenant.brains")), brainList, contributions,
                new H3(getTranslation("console.tenant.users")), new TenantUsersPanel(invitations, tenant));
    }

    /** Token packs: the only way a wallet grows beyond its allowance; there is no automatic top-up. */
    private HorizontalLayout topUp(Tenant tenant) {
        return new TopUpForm(wallets, tenant);
    }

    private Span brainState(TenantBrain brain) {
        String key = brain.active() ? "active" : !brain.available() ? "unavailable"
                : brain.activated() && !brain.entitled() ? "locked" : !brain.entitled() ? "not-entitled" : "inactive";
        Span span = new Span(getTranslation("console.tenant.brain." + key));
        span.addClassName("badge");
        span.addClassName("tenant-brain-" + key);
        return span;
    }

    private Button brainToggle(Tenant tenant, TenantBrain brain) {
        boolean on = brain.activated();
        Button button = new Button(getTranslation(on ? "console.tenant.brain.deactivate" : "console.tenant.brain.activate"), e -> {
            try {
                if (on) {
                    brains.deactivate(tenant.id(), brain.id());
                } else {
                    brains.activate(tenant.id(), brain.id());
                }
                reselect(tenants.find(tenant.id()).orElse(tenant));
            } catch (BrainActivationException ex) {
                Notification.show(Messages.text(this, ex)).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        button.setId("toggle-brain-" + brain.id());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, on ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    private void reselect(Tenant tenant) {
        refresh();
        grid.getListDataView().getItems().filter(t -> t.id().equals(tenant.id())).findFirst()
                .ifPresentOrElse(grid::select, () -> edit(tenant));
        edit(grid.asSingleSelect().getValue());
    }

    private void refresh() {
        brainsByTenant = brains.usage().entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(t -> Map.entry(t.id().value(), e.getKey())))
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue,
                        Collectors.collectingAndThen(Collectors.toList(), l -> l.stream().sorted().collect(Collectors.joining(", "))))));
        grid.setItems(tenants.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.console") + " — M.A.X.";
    }
}
