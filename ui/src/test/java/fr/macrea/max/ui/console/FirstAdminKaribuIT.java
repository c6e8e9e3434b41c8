package fr.macrea.max.ui.console;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import fr.macrea.max.security.InvitationService;
import fr.macrea.max.security.MaxUserDetailsService;
import fr.macrea.max.security.Membership;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.ui.KaribuIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** "Créer un client" creates the tenant with its first admin, whose one-time link is shown once. */
class FirstAdminKaribuIT extends KaribuIT {

    @Autowired
    TenantService tenants;
    @Autowired
    InvitationService invitations;
    @Autowired
    MaxUserDetailsService details;

    private static <T extends com.vaadin.flow.component.Component> T field(Class<T> type, String id) {
        return _get(type, s -> s.withId(id));
    }

    private int tenantCount() {
        return SystemAuthentication.asPlatform(() -> tenants.list()).size();
    }

    @Test
    void theNewTenantHasItsAdminWhoseLinkIsShownOnceAndWorks() {
        signInPlatformAdmin();
        UI.getCurrent().navigate("console");
        String suffix = Long.toString(System.nanoTime(), 36);
        String email = "direction." + suffix + "@maison-ocre.fr";
        field(TextField.class, "new-tenant-name").setValue("Maison Ocre " + suffix);
        field(EmailField.class, "new-tenant-admin-email").setValue(email);
        field(TextField.class, "new-tenant-admin-name").setValue("Inès Ocre");
        _click(_get(Button.class, s -> s.withId("create-tenant")));

        String link = field(TextField.class, "invitation-link").getValue();
        assertThat(link).matches(".*/invitation/[A-Za-z0-9_-]{43}");
        assertThat(field(Paragraph.class, "invitation-how").getText())
                .contains(email, "Administrateur", "une seule fois");
        String token = link.substring(link.lastIndexOf('/') + 1);
        Tenant created = SystemAuthentication.asPlatform(() -> tenants.list()).stream()
                .filter(t -> t.name().equals("Maison Ocre " + suffix)).findFirst().orElseThrow();
        assertThat(invitations.find(token).tenantName()).isEqualTo(created.name());

        // closed, it is gone; opening the tenant again does not show it
        _click(_get(Button.class, s -> s.withId("close-invitation")));
        _assertNone(TextField.class, s -> s.withId("invitation-link"));
        UI.getCurrent().navigate("console");
        _assertNone(TextField.class, s -> s.withId("invitation-link"));

        // the platform admin can issue a new link from the tenant's page (the first one was closed uncopied)
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<Tenant> grid = _get(com.vaadin.flow.component.grid.Grid.class, s -> s.withId("tenants-grid"));
        grid.select(grid.getListDataView().getItems().filter(t -> t.id().equals(created.id())).findFirst().orElseThrow());
        long adminId = SystemAuthentication.asPlatform(() -> invitations.membersOf(created.id())).getFirst().userId();
        assertThat(_get(com.vaadin.flow.component.html.Span.class, s -> s.withId("tenant-user-status-" + adminId)).getText())
                .isEqualTo("Invité");
        _click(_get(Button.class, s -> s.withId("console-reissue-" + adminId)));
        String second = field(TextField.class, "invitation-link").getValue();
        assertThat(second).isNotEqualTo(link);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> invitations.find(token))
                .hasMessageContaining("n'est pas valide");
        String fresh = second.substring(second.lastIndexOf('/') + 1);
        _click(_get(Button.class, s -> s.withId("close-invitation")));

        invitations.accept(fresh, "Terre-de-Sienne-brulee");
        assertThat(details.loadUserByUsername(email).memberships()).singleElement()
                .satisfies(m -> {
                    assertThat(m.tenantId()).isEqualTo(created.id());
                    assertThat(m.role()).isEqualTo(Role.TENANT_ADMIN);
                });
    }

    @Test
    void aBadAdminEmailIsRefusedOnItsFieldAndNoTenantIsCreated() {
        signInPlatformAdmin();
        UI.getCurrent().navigate("console");
        int before = tenantCount();
        field(TextField.class, "new-tenant-name").setValue("Maison Sans Admin");
        field(EmailField.class, "new-tenant-admin-email").setValue("pas-une-adresse");
        field(TextField.class, "new-tenant-admin-name").setValue("Quelqu'un");
        _click(_get(Button.class, s -> s.withId("create-tenant")));

        EmailField adminEmail = field(EmailField.class, "new-tenant-admin-email");
        assertThat(adminEmail.isInvalid()).isTrue();
        assertThat(adminEmail.getErrorMessage()).isEqualTo("Adresse e-mail invalide : « pas-une-adresse ».");
        assertThat(field(TextField.class, "new-tenant-name").getValue()).isEqualTo("Maison Sans Admin");
        assertThat(tenantCount()).isEqualTo(before);
        _assertNone(TextField.class, s -> s.withId("invitation-link"));
    }

    @Test
    void anAdminWhoAlreadyHasAnAccountIsAddedWithoutALink() {
        signInPlatformAdmin();
        UI.getCurrent().navigate("console");
        String email = "agence." + UUID.randomUUID().toString().substring(0, 8) + "@conseil.fr";
        for (String name : new String[]{"Client Un", "Client Deux"}) {
            String suffix = Long.toString(System.nanoTime(), 36);
            field(TextField.class, "new-tenant-name").setValue(name + " " + suffix);
            field(EmailField.class, "new-tenant-admin-email").setValue(email);
            field(TextField.class, "new-tenant-admin-name").setValue("Agence Conseil");
            _click(_get(Button.class, s -> s.withId("create-tenant")));
            if (name.equals("Client Un")) {
                String link = field(TextField.class, "invitation-link").getValue();
                invitations.accept(link.substring(link.lastIndexOf('/') + 1), "Conseil-et-strategie-9");
            } else {
                _assertNone(TextField.class, s -> s.withId("invitation-link"));
                assertThat(field(Paragraph.class, "invitation-existing").getText())
                        .contains(email, "déjà un compte", "mot de passe habituel");
            }
            _click(_get(Button.class, s -> s.withId("close-invitation")));
        }
        assertThat(details.loadUserByUsername(email).memberships()).extracting(Membership::role)
                .containsExactly(Role.TENANT_ADMIN, Role.TENANT_ADMIN);
    }
}
