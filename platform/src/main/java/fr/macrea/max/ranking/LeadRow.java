package fr.macrea.max.ranking;

import fr.macrea.max.shared.Message;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One lead of the CRM tab's list, with its temperature, score (0-100) and the reasons of the score.
 *
 * @param custom the values of the tenant's custom fields (attribute -> value in EspoCRM's API shape, null if empty)
 */
public record LeadRow(String id, String name, String accountName, String emailAddress, String status, String source,
                      Set<String> tags, String assignedUserId, String assignedUserName, Instant createdAt,
                      Instant modifiedAt, LeadSegment temperature, int score, List<Message> reasons,
                      Map<String, Object> custom) {

    public LeadRow {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        custom = custom == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(custom));
    }
}
