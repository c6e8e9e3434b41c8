package fr.macrea.max.ui.settings.users;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.macrea.max.security.InvalidUserException;
import fr.macrea.max.security.InvitationService;
import fr.macrea.max.security.PasswordPolicy;
import fr.macrea.max.security.PendingInvitation;
import fr.macrea.max.ui.base.Messages;

/**
 * The page an invitation link opens ({@code /invitation/<token>}), before any sign-in: the invitee chooses their
 * password, then signs in on the login page. The token is the only credential here; the service decides whether it
 * still works (unknown, used, expired) and the page says what to do then.
 */
@Route(value = InvitationLinks.ROUTE, autoLayout = false)
@AnonymousAllowed
public class InvitationView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final transient InvitationService invitations;
    private final Div content = new Div();

    public InvitationView(InvitationService invitations) {
        this.invitations = invitations;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        H1 brand = new H1("M.A.X.");
        brand.addClassName("login-brand");
        content.setId("invitation");
        content.setMaxWidth("28em");
        add(brand, content);
    }

    @Override
    public void setParameter(BeforeEvent event, String token) {
        content.removeAll();
        try {
            form(token, invitations.find(token));
        } catch (InvalidUserException ex) {
            refused(ex);
        }
    }

    private void form(String token, PendingInvitation invitation) {
        PasswordField password = new PasswordField(getTranslation("users.accept.password"));
        password.setId("invitation-password");
        password.setHelperText(getTranslation("users.accept.policy", PasswordPolicy.MIN_LENGTH));
        password.setWidthFull();
        PasswordField confirm = new PasswordField(getTranslation("users.accept.confirm"));
        confirm.setId("invitation-confirm");
        confirm.setWidthFull();
        Button save = new Button(getTranslation("users.accept.save"), e -> {
            password.setInvalid(false);
            confirm.setInvalid(false);
            if (!password.getValue().equals(confirm.getValue())) {
                confirm.setErrorMessage(getTranslation("users.accept.mismatch"));
                confirm.setInvalid(true);
                return;
            }
            try {
                String email = invitations.accept(token, password.getValue());
                done(email);
            } catch (InvalidUserException ex) {
                if (ex.message().key().startsWith("security.password.")) {
                    password.setErrorMessage(Messages.text(this, ex));
                    password.setInvalid(true);
                } else {
                    refused(ex);
                }
            }
        });
        save.setId("accept-invitation");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        content.add(new H2(getTranslation("users.accept.welcome", invitation.displayName())),
                new Paragraph(getTranslation("users.accept.intro", invitation.email(), invitation.tenantName())),
                password, confirm, save);
    }

    private void done(String email) {
        content.removeAll();
        Paragraph ok = new Paragraph(getTranslation("users.accept.done", email));
        ok.setId("invitation-done");
        content.add(new H2(getTranslation("users.accept.done-title")), ok, loginButton());
    }

    private void refused(InvalidUserException ex) {
        content.removeAll();
        Paragraph why = new Paragraph(Messages.text(this, ex));
        why.setId("invitation-error");
        content.add(new H2(getTranslation("users.accept.refused-title")), why, loginButton());
    }

    private Button loginButton() {
        Button login = new Button(getTranslation("users.accept.login"),
                e -> getUI().ifPresent(ui -> ui.navigate("login")));
        login.setId("go-to-login");
        login.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return login;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.accept.page-title");
    }
}
