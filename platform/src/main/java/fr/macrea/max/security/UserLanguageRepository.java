package fr.macrea.max.security;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.Optional;

import static fr.macrea.max.db.platform.Tables.APP_USER;

/** The language each user chose ({@code app_user.locale}): a user's own preference, not a tenant's data. */
@Repository
class UserLanguageRepository {

    private final DSLContext dsl;

    UserLanguageRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<String> languageOf(long userId) {
        return dsl.select(APP_USER.LOCALE).from(APP_USER).where(APP_USER.ID.eq(userId)).fetchOptional(APP_USER.LOCALE);
    }

    void set(long userId, String language) {
        dsl.update(APP_USER).set(APP_USER.LOCALE, language).where(APP_USER.ID.eq(userId)).execute();
    }
}
