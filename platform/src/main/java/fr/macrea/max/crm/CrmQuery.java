package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;
import java.time.Instant;
import java.util.Set;

/**
 * A lead or contact search. Empty sets and nulls mean "no filter". {@code anyTags} matches records having at least
 * one of the tags (EspoCRM {@code arrayAnyOf}); {@code text} searches names, company and e-mail. Pages come newest
 * first, keyset-paginated on {@code (createdAt, id)}: pass the previous page's {@code nextCursor} as {@code after}.
 */
public record CrmQuery(
        Set<String> statuses,
        Set<String> sources,
        Set<String> anyTags,
        Instant createdFrom,
        Instant createdTo,
        Instant modifiedFrom,
        String assignedUserId,
        String text,
        String after,
        int limit) {

    public static final int MAX_LIMIT = 200;
    /** The same bound as the CRM tab's search: each word of the text becomes a condition of the query. */
    public static final int TEXT_MAX_LENGTH = 200;

    public CrmQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        anyTags = anyTags == null ? Set.of() : Set.copyOf(anyTags);
        if (limit <= 0 || limit > MAX_LIMIT) {
            throw new CrmValidationException(Message.of("crm.page.size.invalid", MAX_LIMIT));
        }
        if (text != null && text.strip().length() > TEXT_MAX_LENGTH) {
            throw new CrmValidationException(Message.of("crm.search.too-long", TEXT_MAX_LENGTH));
        }
    }

    public static CrmQuery all(int limit) {
        return new CrmQuery(Set.of(), Set.of(), Set.of(), null, null, null, null, null, null, limit);
    }

    public CrmQuery withStatuses(String... values) {
        return new CrmQuery(Set.of(values), sources, anyTags, createdFrom, createdTo, modifiedFrom, assignedUserId, text, after, limit);
    }

    public CrmQuery withSources(String... values) {
        return new CrmQuery(statuses, Set.of(values), anyTags, createdFrom, createdTo, modifiedFrom, assignedUserId, text, after, limit);
    }

    public CrmQuery withAnyTags(String... values) {
        return new CrmQuery(statuses, sources, Set.of(values), createdFrom, createdTo, modifiedFrom, assignedUserId, text, after, limit);
    }

    public CrmQuery withCreatedBetween(Instant from, Instant to) {
        return new CrmQuery(statuses, sources, anyTags, from, to, modifiedFrom, assignedUserId, text, after, limit);
    }

    public CrmQuery withModifiedFrom(Instant from) {
        return new CrmQuery(statuses, sources, anyTags, createdFrom, createdTo, from, assignedUserId, text, after, limit);
    }

    public CrmQuery withAssignedUser(String userId) {
        return new CrmQuery(statuses, sources, anyTags, createdFrom, createdTo, modifiedFrom, userId, text, after, limit);
    }

    public CrmQuery withText(String value) {
        return new CrmQuery(statuses, sources, anyTags, createdFrom, createdTo, modifiedFrom, assignedUserId, value, after, limit);
    }

    public CrmQuery after(String cursor) {
        return new CrmQuery(statuses, sources, anyTags, createdFrom, createdTo, modifiedFrom, assignedUserId, text, cursor, limit);
    }
}
