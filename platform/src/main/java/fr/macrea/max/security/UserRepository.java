package fr.macrea.max.security;

import fr.macrea.max.shared.TenantId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

import static fr.macrea.max.db.platform.Tables.APP_USER;
import static fr.macrea.max.db.platform.Tables.MEMBERSHIP;
import static fr.macrea.max.db.platform.Tables.TENANT;

@Repository
class UserRepository {

    private final DSLContext dsl;

    UserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

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
        return dsl.selectFrom(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchOptional()
                .map(r -> new StoredUser(r.getId(), r.getEmail(), r.getDisplayName(), r.getPasswordHash(),
                        r.getPlatformAdmin(), r.getEnabled()));
    }

    List<Membership> membershipsOf(long userId) {
        return dsl.select(MEMBERSHIP.TENANT_ID, TENANT.SLUG, TENANT.NAME, MEMBERSHIP.ROLE)
                .from(MEMBERSHIP).join(TENANT).on(TENANT.ID.eq(MEMBERSHIP.TENANT_ID))
                .where(MEMBERSHIP.USER_ID.eq(userId))
                .orderBy(TENANT.NAME)
                .fetch(r -> new Membership(new TenantId(r.value1()), r.value2(), r.value3(), Role.valueOf(r.value4())));
    }

    void upsertMembership(TenantId tenant, long userId, Role role) {
        int updated = dsl.update(MEMBERSHIP).set(MEMBERSHIP.ROLE, role.name())
                .where(MEMBERSHIP.TENANT_ID.eq(tenant.value()).and(MEMBERSHIP.USER_ID.eq(userId))).execute();
        if (updated == 0) {
            dsl.insertInto(MEMBERSHIP).set(MEMBERSHIP.TENANT_ID, tenant.value()).set(MEMBERSHIP.USER_ID, userId)
                    .set(MEMBERSHIP.ROLE, role.name()).execute();
        }
    }

    List<TenantMember> membersOf(TenantId tenant) {
        return dsl.select(APP_USER.ID, APP_USER.EMAIL, APP_USER.DISPLAY_NAME, MEMBERSHIP.ROLE)
                .from(MEMBERSHIP).join(APP_USER).on(APP_USER.ID.eq(MEMBERSHIP.USER_ID))
                .where(MEMBERSHIP.TENANT_ID.eq(tenant.value()))
                .orderBy(APP_USER.DISPLAY_NAME)
                .fetch(r -> new TenantMember(r.value1(), r.value2(), r.value3(), Role.valueOf(r.value4())));
    }

    record StoredUser(long id, String email, String displayName, String passwordHash, boolean platformAdmin,
                      boolean enabled) {
    }
}
