package fr.macrea.max.ranking;

import java.util.List;

/** One keyset page of leads, newest first; {@code nextCursor} is null on the last page. */
public record LeadPage(List<LeadRow> rows, String nextCursor) {

    public LeadPage {
        rows = List.copyOf(rows);
    }
}
