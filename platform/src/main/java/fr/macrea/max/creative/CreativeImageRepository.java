package fr.macrea.max.creative;

import fr.macrea.max.persistence.TenantScope;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import static fr.macrea.max.db.platform.Tables.CREATIVE_IMAGE;

/** The current tenant's Créa images, through {@link TenantScope}: another tenant's are not reachable from here. */
@Repository
class CreativeImageRepository {

    record Row(String token, String contentType, int width, int height, int size, String originalName,
               LocalDateTime createdAt) {
    }

    private final TenantScope scope;

    CreativeImageRepository(TenantScope scope) {
        this.scope = scope;
    }

    void insert(String token, ImageUploads.Encoded image, String originalName, Long userId, LocalDateTime now) {
        scope.insertInto(CREATIVE_IMAGE).set(CREATIVE_IMAGE.TOKEN, token)
                .set(CREATIVE_IMAGE.CONTENT_TYPE, image.contentType())
                .set(CREATIVE_IMAGE.WIDTH, image.width()).set(CREATIVE_IMAGE.HEIGHT, image.height())
                .set(CREATIVE_IMAGE.BYTE_SIZE, image.bytes().length).set(CREATIVE_IMAGE.BYTES, image.bytes())
                .set(CREATIVE_IMAGE.ORIGINAL_NAME, originalName).set(CREATIVE_IMAGE.CREATED_BY, userId)
                .set(CREATIVE_IMAGE.CREATED_AT, now).execute();
    }

    Optional<Row> find(String token) {
        // case-insensitive collation on MariaDB: only the exact token is this image
        return scope.selectFrom(CREATIVE_IMAGE).and(CREATIVE_IMAGE.TOKEN.eq(token)).fetch().stream()
                .filter(r -> r.getToken().equals(token)).findFirst().map(CreativeImageRepository::row);
    }

    List<Row> latest(int limit) {
        return scope.selectFrom(CREATIVE_IMAGE).orderBy(CREATIVE_IMAGE.CREATED_AT.desc()).limit(limit).fetch()
                .map(CreativeImageRepository::row);
    }

    private static Row row(fr.macrea.max.db.platform.tables.records.CreativeImageRecord r) {
        return new Row(r.getToken(), r.getContentType(), r.getWidth(), r.getHeight(), r.getByteSize(), r.getOriginalName(),
                r.getCreatedAt());
    }
}
