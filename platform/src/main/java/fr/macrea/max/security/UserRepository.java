package fr.macrea.max.security;

import fr.macrea.max.shared.TenantId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static fr.macrea.max.db.platform.Tables.APP_USER;
import static fr.macrea.max.db.platform.Tables.MEMBERSHIP;
import static fr.macrea.max.db.platform.Tables.TENANT;
import static fr.macrea.max.db.platform.Tables.USER_INVITATION;

/**
 * Users, memberships and invitations. Every membership query names its tenant: users span tenants, their
 * memberships do not.
 */
@Repository
class UserRepository {

    static final String ACTIVE = "ACTIVE";
    static final String DEACTIVATED = "DEACTIVATED";

    private final DSLContext dsl;

    UserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A {@code null} password hash is an invited account: nobody can sign in with it until a password is set. */
    long insert(String email, String displayName, String passwordHash, boolean platformAdmin) {
        return dsl.insertInto(APP_USER)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.PLATFORM_ADMIN, platformAdmin)
                .returning(APP_USER.ID)
                .fetchOne(APP_USER.ID);
    }

    boolean emailExists(String email) {
        return dsl.fetchExists(APP_USER, APP_USER.EMAIL.eq(email));
    }

    Optional<StoredUser> findByEmail(String email) {
        return dsl.selectFrom(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchOptional().map(UserRepository::stored);
    }

    Optional<StoredUser> findById(long userId) {
        return dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(userId)).fetchOptional().map(UserRepository::stored);
    }

    /** Only an account still without a password takes one here: an accepted invitation cannot reset a password. */
    boolean setFirstPassword(long userId, String passwordHash) {
        return dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, passwordHash)
                .where(APP_USER.ID.eq(userId).and(APP_USER.PASSWORD_HASH.isNull())).execute() == 1;
    }

    void recordLogin(long userId, Instant at) {
        dsl.update(APP_USER).set(APP_USER.LAST_LOGIN_AT, utc(at)).where(APP_USER.ID.eq(userId)).execute();
    }

    /** The tenants a user may sign in to: deactivated memberships are left out. */
    List<Membership> membershipsOf(long userId) {
        return dsl.select(MEMBERSHIP.TENANT_ID, TENANT.SLUG, TENANT.NAME, MEMBERSHIP.ROLE)
                .from(MEMBERSHIP).join(TENANT).on(TENANT.ID.eq(MEMBERSHIP.TENANT_ID))
                .where(MEMBERSHIP.USER_ID.eq(userId)).and(MEMBERSHIP.STATUS.eq(ACTIVE))
                .orderBy(TENANT.NAME)
                .fetch(r -> new Membership(new TenantId(r.value1()), r.value2(), r.value3(), Role.valueOf(r.value4())));
    }

    boolean hasAnyMembership(long userId) {
        return dsl.fetchExists(MEMBERSHIP, MEMBERSHIP.USER_ID.eq(userId));
    }

    /** Deactivated in that tenant by an admin (a membership that never existed is not "deactivated"). */
    boolean isDeactivatedMember(TenantId tenant, long userId) {
        return dsl.fetchExists(MEMBERSHIP, MEMBERSHIP.TENANT_ID.eq(tenant.value())
                .and(MEMBERSHIP.USER_ID.eq(userId)).and(MEMBERSHIP.STATUS.eq(DEACTIVATED)));
    }

    void upsertMembership(TenantId tenant, long userId, Role role) {
        int updated = dsl.update(MEMBERSHIP).set(MEMBERSHIP.ROLE, role.name())
                .where(MEMBERSHIP.TENANT_ID.eq(tenant.value()).and(MEMBERSHIP.USER_ID.eq(userId))).execute();
        if (updated == 0) {
            dsl.insertInto(MEMBERSHIP).set(MEMBERSHIP.TENANT_ID, tenant.value()).set(MEMBERSHIP.USER_ID, userId)
                    .set(MEMBERSHIP.ROLE, role.name()).execute();
        }
    }

    void changeRole(TenantId tenant, long userId, Role role) {
        dsl.update(MEMBERSHIP).set(MEMBERSHIP.ROLE, role.name())
                .where(MEMBERSHIP.TENANT_ID.eq(tenant.value()).and(MEMBERSHIP.USER_ID.eq(userId))).execute();
    }

    void changeStatus(TenantId tenant, long userId, String status) {
        dsl.update(MEMBERSHIP).set(MEMBERSHIP.STATUS, status)
                .where(MEMBERSHIP.TENANT_ID.eq(tenant.value()).and(MEMBERSHIP.USER_ID.eq(userId))).execute();
    }

    List<TenantMember> membersOf(TenantId tenant) {
        return members(tenant, null, false);
    }

    Optional<TenantMember> member(TenantId tenant, long userId) {
        return members(tenant, userId, false).stream().findFirst();
    }

    /**
     * The tenant's members, admins' rows locked when asked: two admins demoting each other at the same moment
     * must not both succeed and leave the tenant without one.
     */
    List<TenantMember> lockMembers(TenantId tenant) {
        return members(tenant, null, true);
    }

    private List<TenantMember> members(TenantId tenant, Long userId, boolean lock) {
        var condition = MEMBERSHIP.TENANT_ID.eq(tenant.value());
        if (userId != null) {
            condition = condition.and(MEMBERSHIP.USER_ID.eq(userId));
        }
        var query = dsl.select(APP_USER.ID, APP_USER.EMAIL, APP_USER.DISPLAY_NAME, MEMBERSHIP.ROLE, MEMBERSHIP.STATUS,
                        APP_USER.PASSWORD_HASH.isNull(), APP_USER.LAST_LOGIN_AT)
                .from(MEMBERSHIP).join(APP_USER).on(APP_USER.ID.eq(MEMBERSHIP.USER_ID))
                .where(condition)
                .orderBy(APP_USER.DISPLAY_NAME, APP_USER.ID);
        var rows = lock ? query.forUpdate().fetch() : query.fetch();
        return rows.map(r -> new TenantMember(r.value1(), r.value2(), r.value3(), Role.valueOf(r.value4()),
                DEACTIVATED.equals(r.value5()) ? MemberStatus.DEACTIVATED
                        : Boolean.TRUE.equals(r.value6()) ? MemberStatus.INVITED : MemberStatus.ACTIVE,
                Optional.ofNullable(r.value7()).map(t -> t.toInstant(ZoneOffset.UTC))));
    }

    void insertInvitation(TenantId tenant, long userId, String tokenHash, Instant now, Instant expiresAt) {
        dsl.insertInto(USER_INVITATION)
                .set(USER_INVITATION.TENANT_ID, tenant.value())
                .set(USER_INVITATION.USER_ID, userId)
                .set(USER_INVITATION.TOKEN_HASH, tokenHash)
                .set(USER_INVITATION.CREATED_AT, utc(now))
                .set(USER_INVITATION.EXPIRES_AT, utc(expiresAt))
                .execute();
    }

    /** Revokes a user's open links: for one tenant (a link re-issued), or everywhere ({@code tenant} null). */
    void revokeInvitations(TenantId tenant, long userId, Instant now) {
        var condition = USER_INVITATION.USER_ID.eq(userId).and(USER_INVITATION.USED_AT.isNull())
                .and(USER_INVITATION.REVOKED_AT.isNull());
        if (tenant != null) {
            condition = condition.and(USER_INVITATION.TENANT_ID.eq(tenant.value()));
        }
        dsl.update(USER_INVITATION).set(USER_INVITATION.REVOKED_AT, utc(now)).where(condition).execute();
    }

    Optional<StoredInvitation> findInvitation(String tokenHash) {
        return dsl.select(USER_INVITATION.ID, USER_INVITATION.USER_ID, APP_USER.EMAIL, APP_USER.DISPLAY_NAME,
                        TENANT.NAME, USER_INVITATION.EXPIRES_AT, USER_INVITATION.USED_AT, USER_INVITATION.REVOKED_AT,
                        MEMBERSHIP.STATUS)
                .from(USER_INVITATION)
                .join(APP_USER).on(APP_USER.ID.eq(USER_INVITATION.USER_ID))
                .join(TENANT).on(TENANT.ID.eq(USER_INVITATION.TENANT_ID))
                .leftJoin(MEMBERSHIP).on(MEMBERSHIP.TENANT_ID.eq(USER_INVITATION.TENANT_ID)
                        .and(MEMBERSHIP.USER_ID.eq(USER_INVITATION.USER_ID)))
                .where(USER_INVITATION.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(r -> new StoredInvitation(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6().toInstant(ZoneOffset.UTC), r.value7() != null,
                        r.value8() != null || !ACTIVE.equals(r.value9())));
    }

    /** Single use, also when the same link is sent twice at once: only one update finds it unused. */
    boolean useInvitation(long invitationId, Instant now) {
        return dsl.update(USER_INVITATION).set(USER_INVITATION.USED_AT, utc(now))
                .where(USER_INVITATION.ID.eq(invitationId).and(USER_INVITATION.USED_AT.isNull())
                        .and(USER_INVITATION.REVOKED_AT.isNull()).and(USER_INVITATION.EXPIRES_AT.gt(utc(now))))
                .execute() == 1;
    }

    private static StoredUser stored(fr.macrea.max.db.platform.tables.records.AppUserRecord r) {
        return new StoredUser(r.getId(), r.getEmail(), r.getDisplayName(), r.getPasswordHash(), r.getPlatformAdmin(),
                r.getEnabled());
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    record StoredUser(long id, String email, String displayName, String passwordHash, boolean platformAdmin,
                      boolean enabled) {

        boolean pending() {
            return passwordHash == null;
        }
    }

    /** The language the user chose ({@code app_user.locale}): their own preference, not a tenant's data. */
    Optional<String> languageOf(long userId) {
        return dsl.select(APP_USER.LOCALE).from(APP_USER).where(APP_USER.ID.eq(userId)).fetchOptional(APP_USER.LOCALE);
    }

    void setLanguage(long userId, String language) {
        dsl.update(APP_USER).set(APP_USER.LOCALE, language).where(APP_USER.ID.eq(userId)).execute();
    }

    /** {@code revoked} also covers a membership deactivated since the link was issued. */
    record StoredInvitation(long id, long userId, String email, String displayName, String tenantName,
                            Instant expiresAt, boolean used, boolean revoked) {
    }
}
