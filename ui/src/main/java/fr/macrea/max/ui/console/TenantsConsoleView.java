package fr.macrea.max.ui.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.AddOn;
import fr.macrea.max.tenant.InvalidTenantException;
import fr.macrea.max.tenant.NewTenant;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import jakarta.annotation.security.RolesAllowed;

import java.util.Set;
import java.util.stream.Collectors;

/** Platform console, tenants: list and create (platform admins only). */
@Route("console")
@Menu(order = 90, title = "nav.console")
@RolesAllowed(Role.PLATFORM_ADMIN)
public class TenantsConsoleView extends VerticalLayout implements HasDynamicTitle {

    private final transient TenantService tenants;
    private final Grid<Tenant> grid = new Grid<>();

    public TenantsConsoleView(TenantService tenants) {
        this.tenants = tenants;
        addClassName("console-view");
        grid.setId("tenants-grid");
        grid.addColumn(Tenant::name).setHeader(getTranslation("console.tenant.name")).setSortable(true);
        grid.addColumn(Tenant::slug).setHeader(getTranslation("console.tenant.slug"));
        grid.addColumn(t -> t.plan().label()).setHeader(getTranslation("console.tenant.plan"));
        grid.addColumn(t -> t.addOns().stream().map(AddOn::label).sorted().collect(Collectors.joining(", ")))
                .setHeader(getTranslation("console.tenant.add-ons"));
        grid.addColumn(t -> getTranslation("crm-mode." + t.crmMode().name())).setHeader(getTranslation("console.tenant.crm"));
        grid.setAllRowsVisible(true);
        add(new H2(getTranslation("console.tenants")), createForm(), grid);
        refresh();
    }

    private HorizontalLayout createForm() {
        TextField name = new TextField(getTranslation("console.tenant.name"));
        name.setId("new-tenant-name");
        TextField slug = new TextField(getTranslation("console.tenant.slug"));
        slug.setId("new-tenant-slug");
        slug.setHelperText(getTranslation("console.tenant.slug.help"));
        Select<Plan> plan = new Select<>();
        plan.setId("new-tenant-plan");
        plan.setLabel(getTranslation("console.tenant.plan"));
        plan.setItems(Plan.values());
        plan.setItemLabelGenerator(Plan::label);
        plan.setValue(Plan.STANDARD);
        CheckboxGroup<AddOn> addOns = new CheckboxGroup<>(getTranslation("console.tenant.add-ons"));
        addOns.setItems(AddOn.values());
        addOns.setItemLabelGenerator(AddOn::label);
        Button create = new Button(getTranslation("console.tenant.create"), e -> {
            try {
                Tenant created = tenants.create(new NewTenant(name.getValue(), slug.getValue(), plan.getValue(),
                        Set.copyOf(addOns.getValue())));
                Notification.show(getTranslation("console.tenant.created", created.name()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                name.clear();
                slug.clear();
                addOns.clear();
                refresh();
            } catch (InvalidTenantException ex) {
                Notification.show(ex.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        create.setId("create-tenant");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, slug, plan, addOns, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private void refresh() {
        grid.setItems(tenants.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.console") + " — M.A.X.";
    }
}
