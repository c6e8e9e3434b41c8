package fr.macrea.max.outbound;

import java.util.Set;

/**
 * Who a send goes to: the leads of some target lists, or the leads matching CRM filters (statuses, sources, any of
 * some tags). Empty sets mean "no filter"; target lists, when given, replace the filters.
 */
public record SendAudience(Set<String> statuses, Set<String> sources, Set<String> tags, Set<String> targetListIds) {

    public SendAudience {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        targetListIds = targetListIds == null ? Set.of() : Set.copyOf(targetListIds);
    }

    public static SendAudience targetLists(String... ids) {
        return new SendAudience(Set.of(), Set.of(), Set.of(), Set.of(ids));
    }

    public static SendAudience tagged(String... tags) {
        return new SendAudience(Set.of(), Set.of(), Set.of(tags), Set.of());
    }

    public static SendAudience allLeads() {
        return new SendAudience(Set.of(), Set.of(), Set.of(), Set.of());
    }
}
