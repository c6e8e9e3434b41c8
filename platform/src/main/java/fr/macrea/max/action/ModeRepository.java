package fr.macrea.max.action;

import fr.macrea.max.persistence.TenantScope;
import org.springframework.stereotype.Repository;

import java.util.Optional;

import static fr.macrea.max.db.platform.Tables.USER_MODE;

/** SQL of the users' chosen modes (user_mode), tenant-scoped through {@link TenantScope}. */
@Repository
class ModeRepository {

    private final TenantScope scope;

    ModeRepository(TenantScope scope) {
        this.scope = scope;
    }

    /** The mode this user chose in the current tenant, if any. */
    Optional<Mode> find(long userId) {
        return scope.selectFrom(USER_MODE).and(USER_MODE.USER_ID.eq(userId))
                .fetchOptional(USER_MODE.MODE).map(Mode::valueOf);
    }

    void save(long userId, Mode mode) {
        // update, else insert: jOOQ's MySQL upsert syntax ("AS excluded") is not MariaDB's
        if (update(userId, mode) == 0 && scope.insertInto(USER_MODE)
                .set(USER_MODE.USER_ID, userId)
                .set(USER_MODE.MODE, mode.name())
                .onDuplicateKeyIgnore()
                .execute() == 0) {
            update(userId, mode);
        }
    }

    private int update(long userId, Mode mode) {
        return scope.update(USER_MODE).set(USER_MODE.MODE, mode.name())
                .where(USER_MODE.USER_ID.eq(userId))
                .execute();
    }
}
