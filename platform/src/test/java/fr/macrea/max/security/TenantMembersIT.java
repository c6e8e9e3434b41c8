package fr.macrea.max.security;

import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.List;

import static fr.macrea.max.security.InvitationLifecycleIT.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A tenant admin manages their own tenant's members only, and a tenant always keeps an active admin. */
class TenantMembersIT extends PlatformIT {

    private static final String PASSWORD = "Jardin-des-plantes-7";

    @Autowired
    MemberService members;
    @Autowired
    InvitationService invitations;
    @Autowired
    UserService users;
    @Autowired
    MaxUserDetailsService details;
    @Autowired
    TenantService tenants;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    /** A tenant with one real admin who chose a password, signed in as that admin. */
    private MaxPrincipal tenantWithAdmin(String name) {
        Tenant tenant = TestTenants.create(tenants, name, Plan.PRO);
        String email = unique("admin");
        Invitation first = SystemAuthentication.asPlatform(() -> invitations.inviteFirstAdmin(tenant.id(), new Invitee(email, "Admin " + name)));
        invitations.accept(first.token().orElseThrow(), PASSWORD);
        return TestTenants.signIn(details.loadUserByUsername(email));
    }

    private TenantMember member(long userId) {
        return members.members().stream().filter(m -> m.userId() == userId).findFirst().orElseThrow();
    }

    @Test
    void anAdminInvitesAUserWhoAppearsAsInvitedThenActiveWithTheirLastLogin() {
        MaxPrincipal admin = tenantWithAdmin("Maison Iris");
        String email = unique("lucas");
        Invitation invitation = members.invite(new Invitee(email, "Lucas Petit"), Role.TENANT_USER);
        TenantMember invited = member(invitation.userId());
        assertThat(invited.status()).isEqualTo(MemberStatus.INVITED);
        assertThat(invited.role()).isEqualTo(Role.TENANT_USER);
        assertThat(invited.lastLogin()).isEmpty();

        // re-issue: a new link, the previous one stops working
        Invitation again = members.reissue(invitation.userId());
        assertThat(again.token()).isPresent().isNotEqualTo(invitation.token());
        assertThat(catchThrowableOfType(InvalidUserException.class, () -> invitations.find(invitation.token().orElseThrow()))
                .message().key()).isEqualTo("security.invitation.invalid");
        invitations.accept(again.token().orElseThrow(), PASSWORD);

        assertThat(member(invitation.userId()).status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(catchThrowableOfType(InvalidUserException.class, () -> members.reissue(invitation.userId()))
                .message().key()).isEqualTo("security.invitation.not-pending");
        assertThat(members.members()).extracting(TenantMember::userId).contains(admin.userId(), invitation.userId());
    }

    @Test
    void theLastActiveAdminCanBeNeitherDemotedNorDeactivated() {
        MaxPrincipal admin = tenantWithAdmin("Maison Seule");
        InvalidUserException demote = catchThrowableOfType(InvalidUserException.class,
                () -> members.changeRole(admin.userId(), Role.TENANT_USER));
        assertThat(demote).hasMessageContaining("dernier administrateur actif");

        // an invited admin who has not chosen a password is not an active admin yet
        Invitation pendingAdmin = members.invite(new Invitee(unique("bis"), "Admin bis"), Role.TENANT_ADMIN);
        assertThat(catchThrowableOfType(InvalidUserException.class, () -> members.changeRole(admin.userId(), Role.TENANT_USER))
                .message().key()).isEqualTo("security.member.last-admin");

        invitations.accept(pendingAdmin.token().orElseThrow(), PASSWORD);
        assertThat(members.changeRole(admin.userId(), Role.TENANT_ADMIN).role()).isEqualTo(Role.TENANT_ADMIN);
        // the other admin can now be deactivated, but then this one is the last again
        assertThat(members.deactivate(pendingAdmin.userId()).status()).isEqualTo(MemberStatus.DEACTIVATED);
        assertThat(catchThrowableOfType(InvalidUserException.class, () -> members.changeRole(admin.userId(), Role.TENANT_USER))
                .message().key()).isEqualTo("security.member.last-admin");
        assertThat(catchThrowableOfType(InvalidUserException.class, () -> members.deactivate(admin.userId()))
                .message().key()).isEqualTo("security.member.self");
    }

    @Test
    void aDeactivatedMemberCannotSignInToThatTenantAnyMoreButKeepsTheirOtherTenant() {
        MaxPrincipal adminA = tenantWithAdmin("Maison Alpha");
        String email = unique("nomade");
        Invitation invitation = members.invite(new Invitee(email, "Nina Nomade"), Role.TENANT_USER);
        invitations.accept(invitation.token().orElseThrow(), PASSWORD);
        MaxPrincipal adminB = tenantWithAdmin("Maison Beta");
        assertThat(members.invite(new Invitee(email, "Nina Nomade"), Role.TENANT_USER).addedExistingAccount()).isTrue();
        assertThat(details.loadUserByUsername(email).memberships()).hasSize(2);

        TestTenants.signIn(adminA);
        assertThat(members.deactivate(invitation.userId()).status()).isEqualTo(MemberStatus.DEACTIVATED);
        MaxPrincipal nina = details.loadUserByUsername(email);
        assertThat(nina.memberships()).extracting(Membership::tenantId).containsExactly(adminB.currentTenant().orElseThrow());

        // a session opened before the deactivation is told it may no longer work in tenant A
        MaxPrincipal oldSession = new MaxPrincipal(nina.userId(), email, "Nina Nomade", null, false,
                List.of(new Membership(adminA.currentTenant().orElseThrow(), "a", "Maison Alpha", Role.TENANT_USER)),
                adminA.currentTenant().orElseThrow());
        TestTenants.signIn(oldSession);
        assertThat(users.stillActiveInCurrentTenant()).isFalse();

        // deactivated in B too: no tenant left, no sign-in
        TestTenants.signIn(adminB);
        members.deactivate(invitation.userId());
        assertThatThrownBy(() -> details.loadUserByUsername(email)).isInstanceOf(UsernameNotFoundException.class);

        members.reactivate(invitation.userId());
        assertThat(details.loadUserByUsername(email).memberships()).hasSize(1);
        assertThat(users.stillActiveInCurrentTenant()).isTrue();
    }

    @Test
    void tenantBsAdminCannotReachTenantAsMembersEvenWithTheirIds() {
        MaxPrincipal adminA = tenantWithAdmin("Maison A");
        Invitation inA = members.invite(new Invitee(unique("alice"), "Alice"), Role.TENANT_USER);
        invitations.accept(inA.token().orElseThrow(), PASSWORD);
        Invitation pendingInA = members.invite(new Invitee(unique("pending"), "Pendant"), Role.TENANT_USER);

        tenantWithAdmin("Maison B");
        assertThat(members.members()).extracting(TenantMember::userId)
                .doesNotContain(adminA.userId(), inA.userId(), pendingInA.userId());
        for (long id : new long[]{adminA.userId(), inA.userId()}) {
            assertThat(catchThrowableOfType(InvalidUserException.class, () -> members.changeRole(id, Role.TENANT_ADMIN))
                    .message().key()).isEqualTo("security.member.not-found");
            assertThat(catchThrowableOfType(InvalidUserException.class, () -> members.deactivate(id))
                    .message().key()).isEqualTo("security.member.not-found");
            assertThat(catchThrowableOfType(InvalidUserException.class, () -> members.reactivate(id))
                    .message().key()).isEqualTo("security.member.not-found");
        }
        assertThat(catchThrowableOfType(InvalidUserException.class, () -> members.reissue(pendingInA.userId()))
                .message().key()).isEqualTo("security.member.not-found");

        TestTenants.signIn(adminA);
        assertThat(member(inA.userId()).role()).isEqualTo(Role.TENANT_USER);
        assertThat(member(inA.userId()).status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(member(adminA.userId()).role()).isEqualTo(Role.TENANT_ADMIN);
    }

    @Test
    void aTenantUserIsRefusedByTheServiceAndBadInputIsExplained() {
        tenantWithAdmin("Maison Refus");
        InvalidUserException email = catchThrowableOfType(InvalidUserException.class,
                () -> members.invite(new Invitee("pas-un-email", "X"), Role.TENANT_USER));
        assertThat(email).hasMessageContaining("Adresse e-mail invalide");
        assertThat(catchThrowableOfType(InvalidUserException.class,
                () -> new Invitee("a@b.fr", "N".repeat(300))).message().key()).isEqualTo("security.user.name.too-long");

        TestTenants.signIn(TestTenants.member(tenants.current(), Role.TENANT_USER));
        assertThatThrownBy(() -> members.members()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.invite(new Invitee(unique("x"), "X"), Role.TENANT_ADMIN))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.changeRole(1, Role.TENANT_ADMIN)).isInstanceOf(AccessDeniedException.class);
    }
}
