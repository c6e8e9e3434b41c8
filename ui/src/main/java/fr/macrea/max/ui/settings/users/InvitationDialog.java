package fr.macrea.max.ui.settings.users;

import fr.macrea.max.ui.base.Dates;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import fr.macrea.max.security.Invitation;
import fr.macrea.max.security.Role;
import fr.macrea.max.ui.base.UiLocales;


/**
 * Shows the outcome of an invitation once: the one-time link to pass on (no e-mail is sent yet), or that an
 * existing account was added. The link is not kept anywhere: closing the dialog is the last time it is seen, a new
 * one can only be re-issued.
 */
public final class InvitationDialog extends Dialog {


    public InvitationDialog(Invitation invitation, Role role) {
        setId("invitation-dialog");
        setHeaderTitle(getTranslation("users.invitation.title", invitation.displayName()));
        setWidth("min(40em, 95vw)");
        String roleLabel = getTranslation(UsersSection.roleKey(role));
        if (invitation.addedExistingAccount()) {
            Paragraph added = new Paragraph(getTranslation("users.invitation.existing", invitation.email(), roleLabel));
            added.setId("invitation-existing");
            add(added);
        } else {
            String url = InvitationLinks.url(invitation.token().orElseThrow());
            TextField link = new TextField(getTranslation("users.invitation.link"));
            link.setId("invitation-link");
            link.setValue(url);
            link.setReadOnly(true);
            link.setWidthFull();
            Button copy = new Button(getTranslation("users.invitation.copy"), e -> {
                link.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", url);
                Notification.show(getTranslation("users.invitation.copied"))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            });
            copy.setId("copy-invitation-link");
            HorizontalLayout row = new HorizontalLayout(link, copy);
            row.setWidthFull();
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.expand(link);
            String until = Dates.dateTime(invitation.expiresAt().orElseThrow(), UiLocales.current());
            Paragraph how = new Paragraph(getTranslation("users.invitation.how", invitation.email(), roleLabel, until));
            how.setId("invitation-how");
            Paragraph once = new Paragraph(getTranslation("users.invitation.once"));
            once.addClassName("invitation-once");
            add(how, row, once);
        }
        Button close = new Button(getTranslation("users.invitation.close"), e -> close());
        close.setId("close-invitation");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(close);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                removeFromParent(); // the link leaves the page with the dialog
            }
        });
    }
}
