package fr.macrea.max.wallet;

import fr.macrea.max.persistence.TenantScope;
import org.springframework.stereotype.Repository;

import java.util.Map;
import java.util.Optional;

import static fr.macrea.max.db.platform.Tables.PRICE_ENTRY;

/** The current tenant's price table rows (tokens per action id), through {@link TenantScope}. */
@Repository
class PriceRepository {

    private final TenantScope scope;

    PriceRepository(TenantScope scope) {
        this.scope = scope;
    }

    Optional<Integer> tokens(String actionId) {
        return scope.selectFrom(PRICE_ENTRY).and(PRICE_ENTRY.ACTION_ID.eq(actionId)).fetchOptional(PRICE_ENTRY.TOKENS);
    }

    /** Action id to tokens, for the actions this tenant has a row for. */
    Map<String, Integer> all() {
        return scope.selectFrom(PRICE_ENTRY).fetchMap(PRICE_ENTRY.ACTION_ID, PRICE_ENTRY.TOKENS);
    }

    /** Sets a price: update, else insert (jOOQ's MySQL upsert syntax, "AS excluded", is not MariaDB's). */
    void set(String actionId, int tokens) {
        if (update(actionId, tokens) == 0 && !insertIfAbsent(actionId, tokens)) {
            update(actionId, tokens);
        }
    }

    /** Inserts a price unless the action has one; true when this call inserted it. */
    boolean insertIfAbsent(String actionId, int tokens) {
        return scope.insertInto(PRICE_ENTRY)
                .set(PRICE_ENTRY.ACTION_ID, actionId)
                .set(PRICE_ENTRY.TOKENS, tokens)
                .onDuplicateKeyIgnore()
                .execute() == 1;
    }

    private int update(String actionId, int tokens) {
        return scope.update(PRICE_ENTRY).set(PRICE_ENTRY.TOKENS, tokens)
                .where(PRICE_ENTRY.ACTION_ID.eq(actionId))
                .execute();
    }
}
