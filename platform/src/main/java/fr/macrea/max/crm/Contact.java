package fr.macrea.max.crm;

import java.time.Instant;
import java.util.Set;

/** A contact as the platform reads it, in EspoCRM's vocabulary. */
public record Contact(
        String id,
        String firstName,
        String lastName,
        String accountId,
        String emailAddress,
        boolean emailOptedOut,
        String phoneNumber,
        boolean doNotCall,
        String addressCity,
        String description,
        Set<String> tags,
        String assignedUserId,
        String campaignId,
        Instant createdAt,
        Instant modifiedAt) {

    public Contact {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    public String name() {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    }
}
