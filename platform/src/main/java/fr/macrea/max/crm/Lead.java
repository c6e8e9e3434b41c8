package fr.macrea.max.crm;

import java.time.Instant;
import java.util.Set;

/** A lead as the platform reads it, in EspoCRM's vocabulary (status and source values are EspoCRM's). */
public record Lead(
        String id,
        String firstName,
        String lastName,
        String accountName,
        String title,
        String emailAddress,
        boolean emailOptedOut,
        String phoneNumber,
        boolean doNotCall,
        String status,
        String source,
        String industry,
        String addressCity,
        String description,
        Set<String> tags,
        String assignedUserId,
        String campaignId,
        Instant createdAt,
        Instant modifiedAt) {

    public Lead {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    public String name() {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    }
}
