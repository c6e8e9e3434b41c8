package fr.macrea.max.ui.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import fr.macrea.max.crm.CrmConnectionService;
import fr.macrea.max.crm.EspoCrmFake;
import fr.macrea.max.crm.EspoSettings;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.settings.SettingsSlot;
import fr.macrea.max.settings.TenantSettingsService;
import fr.macrea.max.tenant.CrmMode;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.KaribuIT;
import fr.macrea.max.ui.error.AccessDeniedView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant settings as a tenant admin meets them, and who may not open them. The signed-in user's context is kept in
 * the HTTP session as in production, where Vaadin's strategy reads it before the thread's.
 */
class SettingsKaribuIT extends KaribuIT {

    @Autowired
    TenantService tenants;
    @Autowired
    TenantSettingsService settings;
    @Autowired
    CrmConnectionService connections;
    @Autowired
    TenantContext tenantContext;

    private EspoCrmFake fake;

    @AfterEach
    void stopFake() {
        if (fake != null) {
            fake.close();
        }
    }

    /** Signs in as production does: the context lives in the HTTP session, the thread's is empty. */
    private MaxPrincipal signInLikeABrowser(MaxPrincipal principal) {
        var context = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        VaadinSession.getCurrent().getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        SecurityContextHolder.clearContext();
        return principal;
    }

    private Tenant tenant(String name) {
        return TestTenants.create(tenants, name + " " + System.nanoTime(), Plan.PRO);
    }

    private void openAsAdmin(Tenant tenant) {
        signInLikeABrowser(TestTenants.member(tenant, Role.TENANT_ADMIN));
        com.vaadin.flow.component.UI.getCurrent().navigate("parametres");
        _get(SettingsView.class);
    }

    private static List<String> navigationLabels() {
        return _find(SideNav.class).getFirst().getItems().stream().map(SideNavItem::getLabel).toList();
    }

    /** Opens a tab: a TabSheet attaches only the selected tab's content, as the browser shows it. */
    private static void tab(int index) {
        _get(com.vaadin.flow.component.tabs.TabSheet.class, s -> s.withId("settings-tabs")).setSelectedIndex(index);
    }

    private static Button button(String id) {
        return _get(Button.class, s -> s.withId(id));
    }

    private static TextField text(String id) {
        return _get(TextField.class, s -> s.withId(id));
    }

    @Test
    void a_tenant_user_is_refused_the_settings_and_does_not_see_them_in_the_navigation() {
        Tenant tenant = tenant("Réglages refusés");
        signInAndOpen(TestTenants.member(tenant, Role.TENANT_USER), "parametres");

        _get(AccessDeniedView.class);
        _assertNone(SettingsView.class);
        assertThat(navigationLabels()).contains("Accueil").doesNotContain("Paramètres");
    }

    @Test
    void a_platform_admin_who_is_not_a_member_cannot_open_them() {
        signInPlatformAdmin();
        com.vaadin.flow.component.UI.getCurrent().navigate("parametres");

        _get(AccessDeniedView.class);
        _assertNone(SettingsView.class);
        assertThat(navigationLabels()).doesNotContain("Paramètres");
    }

    @Test
    void a_tenant_admin_finds_every_section_from_the_navigation() {
        openAsAdmin(tenant("Réglages admin"));

        assertThat(navigationLabels()).contains("Paramètres");
        assertThat(_get(com.vaadin.flow.component.tabs.TabSheet.class, s -> s.withId("settings-tabs")).getTabCount())
                .isEqualTo(6);
        assertThat(_get(Span.class, s -> s.withId("espo-sync-summary")).getText())
                .isEqualTo("Ce compte utilise le CRM intégré de M.A.X. : aucune synchronisation.");
        tab(5);
        _get(fr.macrea.max.ui.settings.users.UsersSection.class, s -> s.withId("users-section"));
    }

    @Test
    void platform_work_inside_a_ui_request_runs_with_the_platform_role() {
        // the defect behind "a tenant cannot be connected from the product": Vaadin's strategy read the session's
        // tenant admin before what asPlatform set on the thread, so the platform-admin method refused it
        Tenant tenant = tenant("Requête UI");
        signInLikeABrowser(TestTenants.member(tenant, Role.TENANT_ADMIN));

        assertThat(SystemAuthentication.asPlatform(() -> tenants.find(tenant.id()))).isPresent();
        Tenant other = tenant("Autre tenant");
        assertThat(tenantContext.callAs(other, () -> tenants.current().id())).isEqualTo(other.id());
        assertThat(tenantContext.current()).as("the signed-in admin is back").isEqualTo(tenant.id());
    }

    @Test
    void testing_the_connection_says_it_works_or_why_not_in_french() {
        fake = new EspoCrmFake();
        fake.put("Lead", Map.of("firstName", "Léa", "lastName", "Martin", "status", "New"));
        openAsAdmin(tenant("Test écran"));

        text("espo-url").setValue(fake.baseUrl());
        _get(PasswordField.class, s -> s.withId("espo-api-key")).setValue("mauvaise-cle");
        _click(button("espo-test"));
        assertThat(_get(Span.class, s -> s.withId("espo-result")).getText())
                .isEqualTo("EspoCRM refuse les identifiants de connexion (clé API ou secret HMAC invalide).");

        _get(PasswordField.class, s -> s.withId("espo-api-key")).setValue(EspoCrmFake.API_KEY);
        _click(button("espo-test"));
        assertThat(_get(Span.class, s -> s.withId("espo-result")).getText())
                .isEqualTo("Connexion réussie : EspoCRM répond et compte 1 lead.");

        fake.down(true);
        _click(button("espo-test"));
        assertThat(_get(Span.class, s -> s.withId("espo-result")).getText()).startsWith("EspoCRM ne répond pas (erreur 503)");

        text("espo-url").setValue("crm.qmix.fr");
        _click(button("espo-test"));
        assertThat(text("espo-url").isInvalid()).isTrue();
        assertThat(text("espo-url").getErrorMessage()).isEqualTo("Adresse EspoCRM invalide (http:// ou https:// attendu).");
        assertThat(tenants.current().crmMode()).as("a test saves nothing").isEqualTo(CrmMode.EMBEDDED);
    }

    @Test
    void connecting_from_the_screen_switches_the_tenant_and_copies_its_leads() throws InterruptedException {
        fake = new EspoCrmFake();
        fake.put("Lead", Map.of("firstName", "Léa", "lastName", "Martin", "status", "New"));
        fake.put("Lead", Map.of("firstName", "Hugo", "lastName", "Bernard", "status", "New"));
        openAsAdmin(tenant("Connexion écran"));

        text("espo-url").setValue(fake.baseUrl());
        _get(PasswordField.class, s -> s.withId("espo-api-key")).setValue(EspoCrmFake.API_KEY);
        _click(button("espo-connect"));

        assertThat(_get(Span.class, s -> s.withId("espo-result")).getText())
                .isEqualTo("EspoCRM est connecté : la copie de vos données a commencé.");
        assertThat(tenants.current().crmMode()).isEqualTo(CrmMode.ESPOCRM);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (connections.syncRunning() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        _click(button("espo-refresh"));
        assertThat(_get(Span.class, s -> s.withId("espo-sync-summary")).getText())
                .startsWith("Dernière synchronisation réussie : ").contains("· 2 fiches copiées · aucune erreur");
        assertThat(button("espo-resync").isEnabled()).isTrue();
        // the key is never shown back: the field is hidden behind "Remplacer" and says since when it is set
        assertThat(_find(PasswordField.class, s -> s.withId("espo-api-key"))).as("hidden behind Remplacer").isEmpty();
        assertThat(_get(Span.class, s -> s.withId("espo-api-key-state")).getText()).startsWith("Clé API : valeur enregistrée le ");
        _click(button("espo-api-key-replace"));
        assertThat(_get(PasswordField.class, s -> s.withId("espo-api-key")).getValue()).isEmpty();
    }

    @Test
    void bad_addresses_and_too_long_values_are_refused_on_their_field_with_the_limit() {
        openAsAdmin(tenant("Champs refusés"));

        tab(1);
        text("n8n-url").setValue("ftp://n8n.qmix.fr");
        _get(PasswordField.class, s -> s.withId("n8n-api-key")).setValue("cle-n8n");
        _click(button("n8n-save"));
        assertThat(text("n8n-url").isInvalid()).isTrue();
        assertThat(text("n8n-url").getErrorMessage())
                .isEqualTo("Adresse invalide : elle doit commencer par http:// ou https:// suivi d'un nom de serveur.");
        assertThat(_get(Span.class, s -> s.withId("n8n-result")).getText()).startsWith("Rien n'a été enregistré : ");
        assertThat(text("n8n-url").getValue()).as("what was typed stays").isEqualTo("ftp://n8n.qmix.fr");

        tab(2);
        text("model-url").setValue("https://api.mistral.ai/v1");
        text("model-name").setValue("m".repeat(101));
        _click(button("model-save"));
        assertThat(text("model-name").isInvalid()).isTrue();
        assertThat(text("model-name").getErrorMessage()).isEqualTo("Trop long : 100 caractères au plus.");
        assertThat(text("model-url").isInvalid()).isFalse();

        tab(3);
        text("smtp-host").setValue("smtp.qmix.fr");
        text("smtp-sender").setValue("contact@qmix.fr");
        _get(PasswordField.class, s -> s.withId("smtp-password")).setValue("p".repeat(501));
        _click(button("smtp-save"));
        assertThat(_get(PasswordField.class, s -> s.withId("smtp-password")).getErrorMessage())
                .isEqualTo("Trop long : 500 caractères au plus.");
        assertThat(settings.smtp().configured()).isFalse();
    }

    @Test
    void a_saved_secret_is_never_shown_back_only_when_it_was_set() {
        Tenant tenant = tenant("Secrets");
        openAsAdmin(tenant);
        tab(1);
        text("n8n-url").setValue("https://n8n.qmix.fr");
        _get(PasswordField.class, s -> s.withId("n8n-api-key")).setValue("cle-n8n-tres-secrete");
        _click(button("n8n-save"));
        assertThat(_get(Span.class, s -> s.withId("n8n-result")).getText()).isEqualTo("Enregistré.");

        com.vaadin.flow.component.UI.getCurrent().navigate("");
        com.vaadin.flow.component.UI.getCurrent().navigate("parametres");
        tab(1);
        assertThat(_find(PasswordField.class, s -> s.withId("n8n-api-key"))).as("hidden behind Remplacer").isEmpty();
        assertThat(_get(Span.class, s -> s.withId("n8n-api-key-state")).getText()).startsWith("Clé API n8n : valeur enregistrée le ");
        assertThat(_find(TextField.class)).noneMatch(f -> f.getValue().contains("cle-n8n"));
        assertThat(_find(Span.class)).noneMatch(s -> s.getText().contains("cle-n8n"));
        _click(button("n8n-api-key-replace"));
        assertThat(_get(PasswordField.class, s -> s.withId("n8n-api-key")).getValue()).as("an empty field to replace it").isEmpty();

        // saving the address again keeps the key; "Effacer" with no address removes the slot
        _click(button("n8n-save"));
        assertThat(settings.secret(SettingsSlot.N8N)).contains("cle-n8n-tres-secrete");
        text("n8n-url").setValue("");
        _click(button("n8n-api-key-clear"));
        _click(button("n8n-save"));
        assertThat(settings.n8n().configured()).isFalse();
        assertThat(settings.secret(SettingsSlot.N8N)).isEmpty();
    }

    @Test
    void the_screen_reads_in_english() {
        inEnglish();
        openAsAdmin(tenant("Anglais"));
        assertThat(button("espo-test").getText()).isEqualTo("Test the connection");
        assertThat(navigationLabels()).contains("Settings");
        @SuppressWarnings("unchecked")
        Select<EspoSettings.AuthMode> auth = _get(Select.class, s -> s.withId("espo-auth"));
        assertThat(auth.getItemLabelGenerator().apply(EspoSettings.AuthMode.HMAC)).isEqualTo("HMAC (API key + secret)");
    }
}
