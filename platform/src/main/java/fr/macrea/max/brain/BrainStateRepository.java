package fr.macrea.max.brain;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import static fr.macrea.max.db.platform.Tables.BRAIN_STATE;

/** The platform-wide {@code brain_state} table (not tenant-owned: a brain is the same for every tenant). */
@Repository
class BrainStateRepository implements BrainSwitches {

    private final DSLContext dsl;
    private final Clock clock;

    BrainStateRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    @Override
    public Set<String> disabled() {
        return Set.copyOf(dsl.select(BRAIN_STATE.BRAIN_ID).from(BRAIN_STATE).where(BRAIN_STATE.DISABLED.isTrue())
                .fetch(BRAIN_STATE.BRAIN_ID));
    }

    @Override
    public void set(String brainId, boolean disabled, String by) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        // insert-ignore then update rather than ON DUPLICATE KEY UPDATE: jOOQ's MySQL rendering of the latter
        // ("AS excluded") is MySQL 8 syntax that MariaDB rejects; both statements are idempotent
        dsl.insertInto(BRAIN_STATE)
                .set(BRAIN_STATE.BRAIN_ID, brainId)
                .set(BRAIN_STATE.DISABLED, disabled)
                .set(BRAIN_STATE.CHANGED_AT, now)
                .set(BRAIN_STATE.CHANGED_BY, by)
                .onDuplicateKeyIgnore()
                .execute();
        dsl.update(BRAIN_STATE)
                .set(BRAIN_STATE.DISABLED, disabled)
                .set(BRAIN_STATE.CHANGED_AT, now)
                .set(BRAIN_STATE.CHANGED_BY, by)
                .where(BRAIN_STATE.BRAIN_ID.eq(brainId))
                .execute();
    }
}
