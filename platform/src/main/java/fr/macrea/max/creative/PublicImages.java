package fr.macrea.max.creative;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.regex.Pattern;

import static fr.macrea.max.db.platform.Tables.CREATIVE_IMAGE;

/**
 * Token → image for the public link recipients open (no session, so no tenant yet): the one cross-tenant read of
 * {@code creative_image}, by its unique unguessable token only, returning the bytes and their type and nothing else.
 */
@Repository
class PublicImages {

    /** 32 random bytes in base64url without padding. */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    record Served(String contentType, byte[] bytes) {
    }

    private final DSLContext dsl;

    PublicImages(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<Served> find(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        // MariaDB compares VARCHARs case-insensitively: the token must match byte for byte, checked here
        return dsl.select(CREATIVE_IMAGE.TOKEN, CREATIVE_IMAGE.CONTENT_TYPE, CREATIVE_IMAGE.BYTES).from(CREATIVE_IMAGE)
                .where(CREATIVE_IMAGE.TOKEN.eq(token)).fetch().stream()
                .filter(r -> r.value1().equals(token)).findFirst()
                .map(r -> new Served(r.value2(), r.value3()));
    }
}
