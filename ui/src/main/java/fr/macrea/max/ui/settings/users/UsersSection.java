package fr.macrea.max.ui.settings.users;

import fr.macrea.max.ui.base.Dates;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import fr.macrea.max.security.Invitation;
import fr.macrea.max.security.InvalidUserException;
import fr.macrea.max.security.Invitee;
import fr.macrea.max.security.MemberService;
import fr.macrea.max.security.MemberStatus;
import fr.macrea.max.security.NewUser;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.TenantMember;
import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.ui.base.Messages;
import fr.macrea.max.ui.base.UiLocales;

import java.util.List;

/**
 * The "Utilisateurs" part of the tenant settings: the tenant's members with their role, status and last sign-in;
 * invite someone (the one-time link is shown once), change a role, deactivate or reactivate, issue a new link.
 * Every rule (admins only, this tenant only, one active admin at least) is the service's; this only shows it.
 * One row per member rather than a grid, so that each row's controls are plain components (keyboard, tests).
 */
public class UsersSection extends VerticalLayout {


    private final transient MemberService members;
    private final VerticalLayout list = new VerticalLayout();
    private final EmailField email = new EmailField();
    private final TextField name = new TextField();
    private final Select<Role> role = new Select<>();

    public UsersSection(MemberService members) {
        this.members = members;
        setId("users-section");
        setPadding(false);
        list.setId("members");
        list.setPadding(false);
        list.setSpacing(false);
        add(new Paragraph(getTranslation("users.intro")), inviteForm(), list);
        refresh();
    }

    static String roleKey(Role role) {
        return role == Role.TENANT_ADMIN ? "users.role.admin" : "users.role.user";
    }

    private HorizontalLayout inviteForm() {
        email.setLabel(getTranslation("users.email"));
        email.setId("invite-email");
        email.setMaxLength(NewUser.EMAIL_MAX_LENGTH);
        email.setClearButtonVisible(true);
        name.setLabel(getTranslation("users.name"));
        name.setId("invite-name");
        name.setMaxLength(NewUser.NAME_MAX_LENGTH);
        role.setLabel(getTranslation("users.role"));
        role.setId("invite-role");
        role.setItems(Role.TENANT_USER, Role.TENANT_ADMIN);
        role.setItemLabelGenerator(r -> getTranslation(roleKey(r)));
        role.setValue(Role.TENANT_USER);
        Button invite = new Button(getTranslation("users.invite"), e -> invite());
        invite.setId("invite-user");
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(email, name, role, invite);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private void invite() {
        email.setInvalid(false);
        name.setInvalid(false);
        Role chosen = role.getValue();
        try {
            Invitation invitation = members.invite(new Invitee(email.getValue(), name.getValue()), chosen);
            email.clear();
            name.clear();
            role.setValue(Role.TENANT_USER);
            refresh();
            show(invitation, chosen);
        } catch (InvalidUserException ex) {
            // on the field it is about, what was typed stays
            TextField field = ex.message().key().startsWith("security.user.name.") ? name : null;
            if (field != null) {
                field.setErrorMessage(Messages.text(this, ex));
                field.setInvalid(true);
            } else {
                email.setErrorMessage(Messages.text(this, ex));
                email.setInvalid(true);
            }
        }
    }

    private void show(Invitation invitation, Role chosen) {
        InvitationDialog dialog = new InvitationDialog(invitation, chosen);
        add(dialog);
        dialog.open();
    }

    private void refresh() {
        list.removeAll();
        List<TenantMember> all = members.members();
        list.add(header());
        for (TenantMember member : all) {
            list.add(row(member));
        }
    }

    private HorizontalLayout header() {
        HorizontalLayout header = new HorizontalLayout(cell(getTranslation("users.name"), "member-name"),
                cell(getTranslation("users.email"), "member-email"), cell(getTranslation("users.role"), "member-role"),
                cell(getTranslation("users.status"), "member-status"),
                cell(getTranslation("users.last-login"), "member-login"));
        header.addClassName("members-header");
        return header;
    }

    private HorizontalLayout row(TenantMember member) {
        Select<Role> roleSelect = new Select<>();
        roleSelect.setId("member-role-" + member.userId());
        roleSelect.setItems(Role.TENANT_USER, Role.TENANT_ADMIN);
        roleSelect.setItemLabelGenerator(r -> getTranslation(roleKey(r)));
        roleSelect.setValue(member.role());
        roleSelect.setAriaLabel(getTranslation("users.role-of", member.displayName()));
        roleSelect.addClassName("member-role");
        roleSelect.addValueChangeListener(e -> {
            if (e.getValue() != null && e.getValue() != member.role()) {
                act(() -> members.changeRole(member.userId(), e.getValue()), "users.role-changed", member);
            }
        });

        Span status = cell(getTranslation("users.status." + member.status().name().toLowerCase()), "member-status");
        status.setId("member-status-" + member.userId());
        status.addClassNames("badge", "member-" + member.status().name().toLowerCase());
        Span login = cell(member.lastLogin().map(t -> Dates.dateTime(t, UiLocales.current()))
                .orElseGet(() -> getTranslation("users.never")), "member-login");

        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(true);
        if (member.status() == MemberStatus.DEACTIVATED) {
            actions.add(action("reactivate-" + member.userId(), "users.reactivate", ButtonVariant.LUMO_PRIMARY,
                    () -> act(() -> members.reactivate(member.userId()), "users.reactivated", member)));
        } else {
            if (member.status() == MemberStatus.INVITED) {
                actions.add(action("reissue-" + member.userId(), "users.reissue", ButtonVariant.LUMO_TERTIARY,
                        () -> reissue(member)));
            }
            actions.add(action("deactivate-" + member.userId(), "users.deactivate", ButtonVariant.LUMO_ERROR,
                    () -> act(() -> members.deactivate(member.userId()), "users.deactivated", member)));
        }
        HorizontalLayout row = new HorizontalLayout(cell(member.displayName(), "member-name"),
                cell(member.email(), "member-email"), roleSelect, status, login, actions);
        row.setId("member-" + member.userId());
        row.addClassName("member-row");
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.setWrap(true);
        return row;
    }

    private void reissue(TenantMember member) {
        try {
            Invitation invitation = members.reissue(member.userId());
            refresh();
            show(invitation, member.role());
        } catch (LocalizedException ex) {
            error(ex);
        }
    }

    private void act(Runnable change, String doneKey, TenantMember member) {
        try {
            change.run();
            Notification.show(getTranslation(doneKey, member.displayName()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (LocalizedException ex) {
            error(ex);
        }
        refresh(); // after a refusal too: the row shows what is true again (e.g. the role put back)
    }

    private void error(LocalizedException ex) {
        Notification notification = Notification.show(Messages.text(this, ex));
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("users-error");
    }

    private Button action(String id, String key, ButtonVariant variant, Runnable run) {
        Button button = new Button(getTranslation(key), e -> run.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, variant);
        return button;
    }

    private static Span cell(String text, String className) {
        Span span = new Span(text);
        span.addClassName(className);
        return span;
    }
}
