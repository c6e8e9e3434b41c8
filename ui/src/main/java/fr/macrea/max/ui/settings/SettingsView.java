package fr.macrea.max.ui.settings;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.macrea.max.crm.CrmConnectionService;
import fr.macrea.max.security.MemberService;
import fr.macrea.max.security.Role;
import fr.macrea.max.settings.TenantSettingsService;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.ui.settings.users.UsersSection;
import jakarta.annotation.security.RolesAllowed;

/**
 * Tenant settings (SPEC §6.7), for tenant admins only (the view and every service method check the role): the
 * EspoCRM connection, the n8n, AI model and SMTP slots, consent rules, and users and roles, one tab each.
 */
@Route("parametres")
@Menu(order = 80, title = "nav.settings")
@RolesAllowed(Role.ADMIN)
public class SettingsView extends VerticalLayout implements HasDynamicTitle {

    private final TabSheet tabs = new TabSheet();

    public SettingsView(CrmConnectionService connections, TenantService tenants, TenantSettingsService settings,
                        MemberService members) {
        setId("settings");
        tabs.setId("settings-tabs");
        tabs.setWidthFull();
        tabs.add(getTranslation("settings.tab.espocrm"), new EspoCrmSection(connections, tenants));
        tabs.add(getTranslation("settings.tab.n8n"), new N8nSection(settings));
        tabs.add(getTranslation("settings.tab.model"), new ModelSection(settings));
        tabs.add(getTranslation("settings.tab.smtp"), new SmtpSection(settings));
        tabs.add(getTranslation("settings.tab.consent"), new ConsentSection(settings));
        tabs.add(getTranslation("settings.tab.users"), new UsersSection(members));
        add(new H2(getTranslation("settings.title")), tabs);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("settings.title") + " — M.A.X.";
    }
}
