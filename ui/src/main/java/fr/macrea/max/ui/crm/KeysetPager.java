package fr.macrea.max.ui.crm;

import fr.macrea.max.ranking.LeadFilter;
import fr.macrea.max.ranking.LeadPage;
import fr.macrea.max.ranking.LeadRow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Adapts the grid's offset/limit requests to keyset pages: pages are fetched in order with the previous page's
 * cursor and kept, so scrolling never runs an OFFSET query or a COUNT over the whole result.
 */
final class KeysetPager {

    static final int PAGE = 50;

    private final LeadFilter filter;
    private final BiFunction<LeadFilter, String, LeadPage> search;
    private final List<LeadRow> loaded = new ArrayList<>();
    private String cursor;
    private boolean exhausted;

    KeysetPager(LeadFilter filter, BiFunction<LeadFilter, String, LeadPage> search) {
        this.filter = filter;
        this.search = search;
    }

    synchronized Stream<LeadRow> fetch(int offset, int limit) {
        while (loaded.size() < offset + limit && !exhausted) {
            LeadPage page = search.apply(filter, cursor);
            loaded.addAll(page.rows());
            cursor = page.nextCursor();
            exhausted = cursor == null;
        }
        if (offset >= loaded.size()) {
            return Stream.empty();
        }
        return List.copyOf(loaded.subList(offset, Math.min(loaded.size(), offset + limit))).stream();
    }

    synchronized int loadedCount() {
        return loaded.size();
    }
}
