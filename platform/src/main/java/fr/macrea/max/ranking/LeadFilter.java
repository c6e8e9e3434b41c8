package fr.macrea.max.ranking;

import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;

import fr.macrea.max.plugins.api.Criterion;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A lead search of the CRM tab. Nulls and empty sets mean "no filter". {@code text}: every word must start a word
 * of the first name, last name, company or e-mail address, ignoring case and accents (the CRM's one search rule).
 */
public record LeadFilter(String text, LeadSegment segment, Set<String> statuses, Set<String> sources, Set<String> tags,
                         String assignedUserId, Instant createdFrom, Instant createdTo, List<Criterion> criteria) {

    /** More conditions are refused: a saved view or the CRM tab's custom-field filters never need that many. */
    public static final int MAX_CRITERIA = 50;

    /** Longer search texts are refused: nobody types more, and each word becomes a condition of the query. */
    public static final int TEXT_MAX_LENGTH = 200;

    public LeadFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > TEXT_MAX_LENGTH) {
            throw new LocalizedException(Message.of("ranking.search.too-long", TEXT_MAX_LENGTH));
        }
        assignedUserId = assignedUserId == null || assignedUserId.isBlank() ? null : assignedUserId;
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        if (criteria.size() > MAX_CRITERIA) {
            throw new LocalizedException(Message.of("ranking.filter.too-many", MAX_CRITERIA));
        }
        if (createdFrom != null && createdTo != null && createdTo.isBefore(createdFrom)) {
            throw new LocalizedException(Message.of("ranking.filter.dates"));
        }
    }

    public static LeadFilter none() {
        return new LeadFilter(null, null, Set.of(), Set.of(), Set.of(), null, null, null, List.of());
    }

    public LeadFilter withText(String value) {
        return new LeadFilter(value, segment, statuses, sources, tags, assignedUserId, createdFrom, createdTo, criteria);
    }

    public LeadFilter withSegment(LeadSegment value) {
        return new LeadFilter(text, value, statuses, sources, tags, assignedUserId, createdFrom, createdTo, criteria);
    }

    public LeadFilter withStatuses(Set<String> value) {
        return new LeadFilter(text, segment, value, sources, tags, assignedUserId, createdFrom, createdTo, criteria);
    }

    public LeadFilter withSources(Set<String> value) {
        return new LeadFilter(text, segment, statuses, value, tags, assignedUserId, createdFrom, createdTo, criteria);
    }

    public LeadFilter withTags(Set<String> value) {
        return new LeadFilter(text, segment, statuses, sources, value, assignedUserId, createdFrom, createdTo, criteria);
    }

    public LeadFilter withAssignedUser(String value) {
        return new LeadFilter(text, segment, statuses, sources, tags, value, createdFrom, createdTo, criteria);
    }

    /**
     * Conditions on the lead's fields, custom ones included (a saved view's filters, the CRM tab's filters on the
     * fields a field plan added), translated like a KPI's.
     */
    public LeadFilter withCriteria(List<Criterion> value) {
        return new LeadFilter(text, segment, statuses, sources, tags, assignedUserId, createdFrom, createdTo, value);
    }

    public LeadFilter withCreated(Instant from, Instant to) {
        return new LeadFilter(text, segment, statuses, sources, tags, assignedUserId, from, to, criteria);
    }
}
