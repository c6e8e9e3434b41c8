package fr.macrea.max.ui.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import fr.macrea.max.security.InvalidUserException;
import fr.macrea.max.security.Invitation;
import fr.macrea.max.security.InvitationService;
import fr.macrea.max.security.MemberStatus;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.TenantMember;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.ui.base.Messages;
import fr.macrea.max.ui.settings.users.InvitationDialog;

/**
 * A tenant's users in the console, with a new link for those still invited: if the first admin's link was closed
 * before it was copied, or expired, this is the only place another one can come from.
 */
class TenantUsersPanel extends VerticalLayout {

    private final transient InvitationService invitations;
    private final Tenant tenant;

    TenantUsersPanel(InvitationService invitations, Tenant tenant) {
        this.invitations = invitations;
        this.tenant = tenant;
        setId("tenant-users");
        setPadding(false);
        setSpacing(false);
        refresh();
    }

    private void refresh() {
        removeAll();
        for (TenantMember member : invitations.membersOf(tenant.id())) {
            Span who = new Span(member.displayName() + " · " + member.email());
            who.setMinWidth("22em");
            Span role = new Span(getTranslation(member.role() == Role.TENANT_ADMIN ? "users.role.admin" : "users.role.user"));
            role.setMinWidth("9em");
            Span status = new Span(getTranslation("users.status." + member.status().name().toLowerCase()));
            status.addClassName("badge");
            status.setId("tenant-user-status-" + member.userId());
            HorizontalLayout row = new HorizontalLayout(who, role, status);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            if (member.status() == MemberStatus.INVITED) {
                Button again = new Button(getTranslation("users.reissue"), e -> reissue(member));
                again.setId("console-reissue-" + member.userId());
                again.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                row.add(again);
            }
            add(row);
        }
    }

    private void reissue(TenantMember member) {
        try {
            Invitation invitation = invitations.reissueFor(tenant.id(), member.userId());
            InvitationDialog dialog = new InvitationDialog(invitation, member.role());
            add(dialog);
            dialog.open();
        } catch (InvalidUserException ex) {
            Notification.show(Messages.text(this, ex)).addThemeVariants(NotificationVariant.LUMO_ERROR);
            refresh();
        }
    }
}
