package fr.macrea.max.security;

import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.TenantId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Invitations: how a person gets into a tenant. No e-mail is sent yet (no SMTP is configured), so the admin who
 * invites is shown the one-time link once and passes it on. The link is the invitee's credential until they choose
 * a password: it is random, stored hashed, expires after {@link #VALIDITY}, works once, and only ever sets the
 * first password of an account, so an old link found in a mailbox cannot take over an account later.
 */
@Service
public class InvitationService {

    public static final Duration VALIDITY = Duration.ofHours(72);

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    InvitationService(UserRepository users, PasswordEncoder passwordEncoder, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** The first admin of a tenant just created in the console. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public Invitation inviteFirstAdmin(TenantId tenant, Invitee invitee) {
        return invite(tenant, invitee, Role.TENANT_ADMIN);
    }

    /** A tenant's members as the console shows them (a platform admin belongs to no tenant). */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional(readOnly = true)
    public List<TenantMember> membersOf(TenantId tenant) {
        return users.membersOf(tenant);
    }

    /**
     * A new link for a tenant's invited member, from the console: the first admin's link is shown once, and
     * until that admin has signed in nobody in the tenant could issue another one.
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public Invitation reissueFor(TenantId tenant, long userId) {
        TenantMember member = users.member(tenant, userId)
                .orElseThrow(() -> new InvalidUserException(Message.of("security.member.not-found")));
        return reissue(tenant, member);
    }

    /**
     * Adds the person to the tenant. Someone who already has an account (a member elsewhere) gets a membership and
     * keeps their password; a new person gets an account without a password and a link to choose one.
     */
    Invitation invite(TenantId tenant, Invitee invitee, Role role) {
        Optional<UserRepository.StoredUser> existing = users.findByEmail(invitee.email());
        if (existing.isPresent()) {
            UserRepository.StoredUser user = existing.get();
            if (users.member(tenant, user.id()).isPresent()) {
                throw new InvalidUserException(Message.of("security.member.already", invitee.email()));
            }
            users.upsertMembership(tenant, user.id(), role);
            return user.pending() ? issue(tenant, user.id(), user.email(), user.displayName())
                    : new Invitation(user.id(), user.email(), user.displayName(), Optional.empty(), Optional.empty());
        }
        long id = users.insert(invitee.email(), invitee.displayName(), null, false);
        users.upsertMembership(tenant, id, role);
        return issue(tenant, id, invitee.email(), invitee.displayName());
    }

    /** A new link for a member who has not chosen a password yet; their previous links stop working. */
    Invitation reissue(TenantId tenant, TenantMember member) {
        if (member.status() != MemberStatus.INVITED) {
            throw new InvalidUserException(Message.of("security.invitation.not-pending", member.email()));
        }
        return issue(tenant, member.userId(), member.email(), member.displayName());
    }

    private Invitation issue(TenantId tenant, long userId, String email, String displayName) {
        Instant now = clock.instant();
        users.revokeInvitations(tenant, userId, now);
        String token = InvitationTokens.newToken();
        Instant expires = now.plus(VALIDITY);
        users.insertInvitation(tenant, userId, InvitationTokens.hash(token), now, expires);
        return new Invitation(userId, email, displayName, Optional.of(token), Optional.of(expires));
    }

    /**
     * The invitation behind a link, for its page (anonymous: the link is the credential). A link that cannot be
     * used is refused with the reason its visitor can act on: ask for a new one, or sign in.
     */
    @Transactional(readOnly = true)
    public PendingInvitation find(String token) {
        UserRepository.StoredInvitation invitation = usable(token);
        return new PendingInvitation(invitation.email(), invitation.displayName(), invitation.tenantName());
    }

    /** Sets the invitee's password and spends the link; they then sign in with their e-mail and that password. */
    @Transactional
    public String accept(String token, String password) {
        UserRepository.StoredInvitation invitation = usable(token);
        PasswordPolicy.check(password, invitation.email());
        Instant now = clock.instant();
        if (!users.useInvitation(invitation.id(), now)) {
            throw new InvalidUserException(Message.of("security.invitation.used"));
        }
        if (!users.setFirstPassword(invitation.userId(), passwordEncoder.encode(password))) {
            throw new InvalidUserException(Message.of("security.invitation.account-active"));
        }
        users.revokeInvitations(null, invitation.userId(), now);
        return invitation.email();
    }

    private UserRepository.StoredInvitation usable(String token) {
        UserRepository.StoredInvitation invitation = InvitationTokens.wellFormed(token)
                ? users.findInvitation(InvitationTokens.hash(token)).orElse(null) : null;
        if (invitation == null || invitation.revoked()) {
            throw new InvalidUserException(Message.of("security.invitation.invalid"));
        }
        if (invitation.used()) {
            throw new InvalidUserException(Message.of("security.invitation.used"));
        }
        if (!invitation.expiresAt().isAfter(clock.instant())) {
            throw new InvalidUserException(Message.of("security.invitation.expired"));
        }
        if (users.findById(invitation.userId()).map(u -> !u.pending()).orElse(true)) {
            throw new InvalidUserException(Message.of("security.invitation.account-active"));
        }
        return invitation;
    }
}
