package fr.macrea.max.ui.settings.users;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import fr.macrea.max.security.Invitation;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import fr.macrea.max.security.InvitationService;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.MemberService;
import fr.macrea.max.security.Invitee;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.KaribuIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The page an invitation link opens, anonymous: the invitee chooses a password there and can then sign in. */
class InvitationViewKaribuIT extends KaribuIT {

    @Autowired
    TenantService tenants;
    @Autowired
    InvitationService invitations;
    @Autowired
    AuthenticationConfiguration authentication;

    private Invitation invite(String email) {
        Tenant tenant = TestTenants.create(tenants, "Maison Invitée", Plan.STANDARD);
        return SystemAuthentication.asPlatform(() -> invitations.inviteFirstAdmin(tenant.id(), new Invitee(email, "Hugo Invité")));
    }

    @Test
    void anAnonymousInviteeChoosesAPasswordAndSignsInWithIt() throws Exception {
        String email = UsersSectionKaribuIT.unique("hugo");
        String token = invite(email).token().orElseThrow();
        AuthenticationManager manager = authentication.getAuthenticationManager();
        assertThatThrownBy(() -> manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, "")))
                .isInstanceOf(BadCredentialsException.class);

        UI.getCurrent().navigate("invitation/" + token); // nobody signed in
        assertThat(_get(Paragraph.class, s -> s.withText("Choisissez le mot de passe de votre compte " + email
                + " pour rejoindre « Maison Invitée » sur M.A.X.")).isVisible()).isTrue();

        PasswordField password = _get(PasswordField.class, s -> s.withId("invitation-password"));
        password.setValue("trop-court");
        _get(PasswordField.class, s -> s.withId("invitation-confirm")).setValue("trop-court");
        _click(_get(Button.class, s -> s.withId("accept-invitation")));
        assertThat(password.getErrorMessage()).isEqualTo("Le mot de passe doit contenir au moins 12 caractères.");

        password.setValue("Le-petit-prince-1943");
        _get(PasswordField.class, s -> s.withId("invitation-confirm")).setValue("Le-petit-prince-1944");
        _click(_get(Button.class, s -> s.withId("accept-invitation")));
        assertThat(_get(PasswordField.class, s -> s.withId("invitation-confirm")).getErrorMessage())
                .isEqualTo("Les deux mots de passe ne sont pas identiques.");

        _get(PasswordField.class, s -> s.withId("invitation-confirm")).setValue("Le-petit-prince-1943");
        _click(_get(Button.class, s -> s.withId("accept-invitation")));
        assertThat(_get(Paragraph.class, s -> s.withId("invitation-done")).getText()).contains(email);

        // the real sign-in path (throttle, password check, memberships) accepts the chosen password
        var signedIn = manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, "Le-petit-prince-1943"));
        assertThat(signedIn.getAuthorities()).extracting(Object::toString).contains("ROLE_TENANT_ADMIN");
        // ... and the sign-in shows as their last login in the tenant's users
        MaxPrincipal admin = signIn((MaxPrincipal) signedIn.getPrincipal());
        UI.getCurrent().add(new UsersSection(context.getBean(MemberService.class)));
        HorizontalLayout row = _get(HorizontalLayout.class, s -> s.withId("member-" + admin.userId()));
        assertThat(_get(row, Span.class, s -> s.withClasses("member-login")).getText())
                .isNotEqualTo("Jamais").contains(String.valueOf(java.time.Year.now().getValue()));
        TestTenants.signOut();

        // the link is spent
        UI.getCurrent().navigate("invitation/" + token);
        assertThat(_get(Paragraph.class, s -> s.withId("invitation-error")).getText())
                .isEqualTo("Ce lien d'invitation a déjà servi. Connectez-vous avec votre adresse e-mail et votre mot de passe.");
        _assertNone(PasswordField.class);
    }

    @Test
    void aWrongLinkSaysWhatToDoInEnglishToo() {
        inEnglish();
        UI.getCurrent().navigate("invitation/" + "x".repeat(43));
        assertThat(_get(Paragraph.class, s -> s.withId("invitation-error")).getText())
                .isEqualTo("This invitation link is not valid. Ask your workspace admin for a new link.");
        _assertNone(PasswordField.class);
    }
}
