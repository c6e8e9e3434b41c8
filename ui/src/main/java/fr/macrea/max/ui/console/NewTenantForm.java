package fr.macrea.max.ui.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import fr.macrea.max.security.InvalidUserException;
import fr.macrea.max.security.Invitation;
import fr.macrea.max.security.InvitationService;
import fr.macrea.max.security.Invitee;
import fr.macrea.max.security.NewUser;
import fr.macrea.max.security.Role;
import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.tenant.AddOn;
import fr.macrea.max.tenant.InvalidTenantException;
import fr.macrea.max.tenant.NewTenant;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.ui.base.Messages;
import fr.macrea.max.ui.settings.users.InvitationDialog;

import java.util.Set;
import java.util.function.Consumer;

/**
 * "Créer un client": the tenant and its first admin together, so that no tenant is left without anyone to sign in.
 * Both forms are checked before anything is created (a tenant whose admin e-mail is wrong is not created), then
 * the admin's one-time link is shown once (or, for someone who already has an account, that they were added).
 */
class NewTenantForm extends VerticalLayout {

    private final transient TenantService tenants;
    private final transient InvitationService invitations;
    private final TextField name = new TextField();
    private final TextField slug = new TextField();
    private final Select<Plan> plan = new Select<>();
    private final CheckboxGroup<AddOn> addOns = new CheckboxGroup<>();
    private final EmailField adminEmail = new EmailField();
    private final TextField adminName = new TextField();

    NewTenantForm(TenantService tenants, InvitationService invitations, Consumer<Tenant> created) {
        this.tenants = tenants;
        this.invitations = invitations;
        setPadding(false);
        setSpacing(false);
        name.setLabel(getTranslation("console.tenant.name"));
        name.setId("new-tenant-name");
        name.setMaxLength(NewTenant.NAME_MAX_LENGTH);
        slug.setLabel(getTranslation("console.tenant.slug"));
        slug.setId("new-tenant-slug");
        slug.setMaxLength(NewTenant.SLUG_MAX_LENGTH);
        slug.setHelperText(getTranslation("console.tenant.slug.help"));
        plan.setId("new-tenant-plan");
        plan.setLabel(getTranslation("console.tenant.plan"));
        plan.setItems(Plan.values());
        plan.setItemLabelGenerator(Plan::label);
        plan.setValue(Plan.STANDARD);
        addOns.setLabel(getTranslation("console.tenant.add-ons"));
        addOns.setItems(AddOn.values());
        addOns.setItemLabelGenerator(a -> getTranslation(a.labelKey()));
        adminEmail.setLabel(getTranslation("console.tenant.admin-email"));
        adminEmail.setId("new-tenant-admin-email");
        adminEmail.setMaxLength(NewUser.EMAIL_MAX_LENGTH);
        adminEmail.setHelperText(getTranslation("console.tenant.admin-email.help"));
        adminName.setLabel(getTranslation("console.tenant.admin-name"));
        adminName.setId("new-tenant-admin-name");
        adminName.setMaxLength(NewUser.NAME_MAX_LENGTH);
        Button create = new Button(getTranslation("console.tenant.create"), e -> create(created));
        create.setId("create-tenant");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        HorizontalLayout tenantRow = new HorizontalLayout(name, slug, plan, addOns);
        tenantRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        tenantRow.setWrap(true);
        Span adminTitle = new Span(getTranslation("console.tenant.first-admin"));
        adminTitle.addClassName("form-section-title");
        HorizontalLayout adminRow = new HorizontalLayout(adminEmail, adminName, create);
        adminRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        adminRow.setWrap(true);
        add(tenantRow, adminTitle, adminRow);
    }

    private void create(Consumer<Tenant> created) {
        for (TextFieldBase<?, ?> field : new TextFieldBase<?, ?>[]{name, slug, adminEmail, adminName}) {
            field.setInvalid(false);
        }
        // both checked, so that every mistake is shown at once
        NewTenant request = null;
        Invitee admin = null;
        try {
            request = new NewTenant(name.getValue(), slug.getValue(), plan.getValue(), Set.copyOf(addOns.getValue()));
        } catch (InvalidTenantException ex) {
            refuse(ex);
        }
        try {
            admin = new Invitee(adminEmail.getValue(), adminName.getValue());
        } catch (InvalidUserException ex) {
            refuse(ex);
        }
        if (request == null || admin == null) {
            return;
        }
        Tenant tenant;
        try {
            tenant = tenants.create(request);
        } catch (InvalidTenantException ex) {
            refuse(ex);
            return;
        }
        // the admin was checked above: what is left to fail here is the database, not the form
        Invitation invitation = invitations.inviteFirstAdmin(tenant.id(), admin);
        Notification.show(getTranslation("console.tenant.created", tenant.name()))
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        for (TextFieldBase<?, ?> field : new TextFieldBase<?, ?>[]{name, slug, adminEmail, adminName}) {
            field.clear();
        }
        addOns.clear();
        created.accept(tenant);
        InvitationDialog dialog = new InvitationDialog(invitation, Role.TENANT_ADMIN);
        add(dialog);
        dialog.open();
    }

    /** The error goes on the field it is about, what was typed stays; other errors as a notification. */
    private void refuse(LocalizedException ex) {
        String key = ex.message().key();
        TextFieldBase<?, ?> field = key.startsWith("tenant.name.") ? name : key.startsWith("tenant.slug.") ? slug
                : key.startsWith("security.user.email.") ? adminEmail : key.startsWith("security.user.name.") ? adminName
                : null;
        if (field != null) {
            field.setErrorMessage(Messages.text(this, ex));
            field.setInvalid(true);
        } else {
            Notification.show(Messages.text(this, ex)).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
