package fr.macrea.max.crm;

import java.util.List;
import java.util.Optional;

/** One page of a keyset-paginated search; {@code nextCursor} is empty on the last page. */
public record CrmPage<T>(List<T> items, Optional<String> nextCursor) {

    public CrmPage {
        items = List.copyOf(items);
    }
}
