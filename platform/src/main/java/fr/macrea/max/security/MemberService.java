package fr.macrea.max.security;

import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.TenantId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * A tenant admin's management of their own tenant's members: invite, change a role, deactivate, reactivate, issue
 * a new link. The tenant is always the admin's current one ({@link TenantContext}); a user id from another tenant
 * is not found here, whatever the caller sends. A tenant always keeps at least one active admin.
 */
@Service
@PreAuthorize("hasRole('TENANT_ADMIN')")
public class MemberService {

    private final UserRepository users;
    private final InvitationService invitations;
    private final TenantContext context;

    MemberService(UserRepository users, InvitationService invitations, TenantContext context) {
        this.users = users;
        this.invitations = invitations;
        this.context = context;
    }

    @Transactional(readOnly = true)
    public List<TenantMember> members() {
        return users.membersOf(context.current());
    }

    @Transactional
    public Invitation invite(Invitee invitee, Role role) {
        return invitations.invite(context.current(), invitee, role);
    }

    @Transactional
    public Invitation reissue(long userId) {
        TenantId tenant = context.current();
        return invitations.reissue(tenant, member(tenant, userId));
    }

    @Transactional
    public TenantMember changeRole(long userId, Role role) {
        TenantId tenant = context.current();
        List<TenantMember> all = users.lockMembers(tenant);
        TenantMember member = find(all, userId);
        if (member.role() == Role.TENANT_ADMIN && role != Role.TENANT_ADMIN) {
            requireAnotherActiveAdmin(all, member);
        }
        users.changeRole(tenant, userId, role);
        return member(tenant, userId);
    }

    /**
     * The member can no longer sign in to this tenant (their other tenants are not affected) and their open links
     * stop working; a session they have open is closed at its next navigation (the UI checks
     * {@link UserService#stillActiveInCurrentTenant()}).
     */
    @Transactional
    public TenantMember deactivate(long userId) {
        TenantId tenant = context.current();
        List<TenantMember> all = users.lockMembers(tenant);
        TenantMember member = find(all, userId);
        if (context.principal().map(p -> p.userId() == userId).orElse(false)) {
            throw new InvalidUserException(Message.of("security.member.self"));
        }
        if (member.role() == Role.TENANT_ADMIN) {
            requireAnotherActiveAdmin(all, member);
        }
        users.changeStatus(tenant, userId, UserRepository.DEACTIVATED);
        return member(tenant, userId);
    }

    @Transactional
    public TenantMember reactivate(long userId) {
        TenantId tenant = context.current();
        member(tenant, userId);
        users.changeStatus(tenant, userId, UserRepository.ACTIVE);
        return member(tenant, userId);
    }

    private void requireAnotherActiveAdmin(List<TenantMember> all, TenantMember member) {
        boolean another = all.stream().anyMatch(m -> m.userId() != member.userId() && m.activeAdmin());
        if (!another) {
            throw new InvalidUserException(Message.of("security.member.last-admin"));
        }
    }

    private TenantMember member(TenantId tenant, long userId) {
        return users.member(tenant, userId)
                .orElseThrow(() -> new InvalidUserException(Message.of("security.member.not-found")));
    }

    private static TenantMember find(List<TenantMember> all, long userId) {
        return all.stream().filter(m -> m.userId() == userId).findFirst()
                .orElseThrow(() -> new InvalidUserException(Message.of("security.member.not-found")));
    }
}
