package fr.macrea.max.ui.settings.users;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import fr.macrea.max.security.InvalidUserException;
import fr.macrea.max.security.Invitation;
import fr.macrea.max.security.InvitationService;
import fr.macrea.max.security.Invitee;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.MaxUserDetailsService;
import fr.macrea.max.security.MemberService;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.KaribuIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.clearNotifications;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The "Utilisateurs" section of the tenant settings, as a tenant admin uses it (in French). */
class UsersSectionKaribuIT extends KaribuIT {

    static final String PASSWORD = "Vingt-mille-lieues-1870";

    @Autowired
    TenantService tenants;
    @Autowired
    InvitationService invitations;
    @Autowired
    MemberService members;
    @Autowired
    MaxUserDetailsService details;

    static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@atelier.fr";
    }

    /** A tenant created as the console does, its admin signed in after choosing a password. */
    private MaxPrincipal adminOfNewTenant(String name) {
        Tenant tenant = TestTenants.create(tenants, name, Plan.PRO);
        String email = unique("admin");
        Invitation first = SystemAuthentication.asPlatform(() -> invitations.inviteFirstAdmin(tenant.id(), new Invitee(email, "Anne Admin")));
        invitations.accept(first.token().orElseThrow(), PASSWORD);
        return signIn(details.loadUserByUsername(email));
    }

    private void mount() {
        UI.getCurrent().removeAll();
        UI.getCurrent().add(new UsersSection(members));
    }

    private static String status(long userId) {
        return _get(Span.class, s -> s.withId("member-status-" + userId)).getText();
    }

    private static String tokenOf(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void anAdminInvitesAColleagueSeesTheLinkOnceAndManagesTheirAccess() {
        MaxPrincipal admin = adminOfNewTenant("Atelier Sève");
        mount();
        assertThat(status(admin.userId())).isEqualTo("Actif");
        assertThat(_get(Select.class, s -> s.withId("member-role-" + admin.userId())).getValue()).isEqualTo(Role.TENANT_ADMIN);

        // a bad e-mail is explained on its field and nothing typed is lost
        _get(EmailField.class, s -> s.withId("invite-email")).setValue("lucas-at-atelier");
        _get(TextField.class, s -> s.withId("invite-name")).setValue("Lucas Petit");
        _click(_get(Button.class, s -> s.withId("invite-user")));
        EmailField email = _get(EmailField.class, s -> s.withId("invite-email"));
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Adresse e-mail invalide : « lucas-at-atelier ».");
        assertThat(_get(TextField.class, s -> s.withId("invite-name")).getValue()).isEqualTo("Lucas Petit");

        String lucas = unique("lucas");
        email.setValue(lucas);
        _click(_get(Button.class, s -> s.withId("invite-user")));
        String link = _get(TextField.class, s -> s.withId("invitation-link")).getValue();
        assertThat(link).contains("/invitation/");
        assertThat(_get(Dialog.class, s -> s.withId("invitation-dialog")).isOpened()).isTrue();
        assertThat(invitations.find(tokenOf(link)).email()).isEqualTo(lucas);
        long lucasId = members.members().stream().filter(m -> m.email().equals(lucas)).findFirst().orElseThrow().userId();
        assertThat(status(lucasId)).isEqualTo("Invité");

        // shown once: closed, the link is nowhere on the page
        _click(_get(Button.class, s -> s.withId("close-invitation")));
        _assertNone(TextField.class, s -> s.withId("invitation-link"));

        // a new link replaces the old one
        _click(_get(Button.class, s -> s.withId("reissue-" + lucasId)));
        String second = _get(TextField.class, s -> s.withId("invitation-link")).getValue();
        assertThat(second).isNotEqualTo(link);
        assertThatThrownBy(() -> invitations.find(tokenOf(link))).isInstanceOf(InvalidUserException.class);
        _click(_get(Button.class, s -> s.withId("close-invitation")));

        _click(_get(Button.class, s -> s.withId("deactivate-" + lucasId)));
        assertThat(status(lucasId)).isEqualTo("Désactivé");
        expectNotifications("Lucas Petit ne peut plus se connecter à cet espace.");
        _click(_get(Button.class, s -> s.withId("reactivate-" + lucasId)));
        assertThat(status(lucasId)).isEqualTo("Invité");
        clearNotifications();

        // promoted to admin, then back
        @SuppressWarnings("unchecked")
        Select<Role> role = _get(Select.class, s -> s.withId("member-role-" + lucasId));
        role.setValue(Role.TENANT_ADMIN);
        assertThat(members.members().stream().filter(m -> m.userId() == lucasId).findFirst().orElseThrow().role())
                .isEqualTo(Role.TENANT_ADMIN);
    }

    @Test
    void theLastActiveAdminCannotDemoteThemselvesAndTheRowShowsTheTruthAgain() {
        MaxPrincipal admin = adminOfNewTenant("Atelier Solo");
        mount();
        @SuppressWarnings("unchecked")
        Select<Role> role = _get(Select.class, s -> s.withId("member-role-" + admin.userId()));
        role.setValue(Role.TENANT_USER);

        expectNotifications("Impossible : c'est le dernier administrateur actif de ce tenant. Nommez d'abord un autre administrateur.");
        @SuppressWarnings("unchecked")
        Select<Role> after = _get(Select.class, s -> s.withId("member-role-" + admin.userId()));
        assertThat(after.getValue()).isEqualTo(Role.TENANT_ADMIN);
        assertThat(members.members()).singleElement().extracting(m -> m.role()).isEqualTo(Role.TENANT_ADMIN);
        _assertNone(Button.class, s -> s.withId("reissue-" + admin.userId()));
    }

    @Test
    void aMemberDeactivatedWhileSignedInIsSignedOutAtTheirNextNavigation() {
        MaxPrincipal admin = adminOfNewTenant("Atelier Porte");
        String email = unique("zoe");
        Invitation invitation = members.invite(new Invitee(email, "Zoé"), Role.TENANT_USER);
        invitations.accept(invitation.token().orElseThrow(), PASSWORD);
        MaxPrincipal zoe = signIn(details.loadUserByUsername(email));
        UI.getCurrent().navigate("");
        assertThat(currentPath()).isEqualTo("");

        signIn(admin);
        members.deactivate(zoe.userId());
        signIn(zoe); // her session, opened before
        UI.getCurrent().navigate("crm");
        assertThat(currentPath()).isEqualTo("login");
    }

    private static String currentPath() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    @Test
    void inEnglishTheSectionAndItsRefusalsAreInEnglish() {
        adminOfNewTenant("Atelier Anglais");
        inEnglish();
        mount();
        assertThat(_get(Button.class, s -> s.withId("invite-user")).getText()).isEqualTo("Invite");
        _click(_get(Button.class, s -> s.withId("invite-user")));
        EmailField email = _get(EmailField.class, s -> s.withId("invite-email"));
        assertThat(email.getErrorMessage()).isEqualTo("The e-mail address is required.");
    }
}
