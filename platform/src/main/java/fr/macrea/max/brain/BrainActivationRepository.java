package fr.macrea.max.brain;

import fr.macrea.max.persistence.TenantScope;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static fr.macrea.max.db.platform.Tables.BRAIN_ACTIVATION;

/** Activations of the current tenant, always through {@link TenantScope}. */
@Repository
class BrainActivationRepository {

    private final TenantScope scope;

    BrainActivationRepository(TenantScope scope) {
        this.scope = scope;
    }

    List<String> brainIds() {
        return scope.selectFrom(BRAIN_ACTIVATION).orderBy(BRAIN_ACTIVATION.BRAIN_ID).fetch(BRAIN_ACTIVATION.BRAIN_ID);
    }

    boolean exists(String brainId) {
        return scope.count(BRAIN_ACTIVATION, BRAIN_ACTIVATION.BRAIN_ID.eq(brainId)) > 0;
    }

    void insert(String brainId, Instant at, String by) {
        scope.insertInto(BRAIN_ACTIVATION)
                .set(BRAIN_ACTIVATION.BRAIN_ID, brainId)
                .set(BRAIN_ACTIVATION.ACTIVATED_AT, LocalDateTime.ofInstant(at, ZoneOffset.UTC))
                .set(BRAIN_ACTIVATION.ACTIVATED_BY, by)
                .execute();
    }

    int delete(String brainId) {
        return scope.deleteFrom(BRAIN_ACTIVATION).and(BRAIN_ACTIVATION.BRAIN_ID.eq(brainId)).execute();
    }
}
