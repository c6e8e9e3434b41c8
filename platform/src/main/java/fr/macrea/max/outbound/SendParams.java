package fr.macrea.max.outbound;

import java.time.Instant;

/**
 * One send of an existing EspoCRM e-mail template.
 *
 * @param scheduledAt     when the first batch leaves (null: now); the view converts the tenant's local date and time
 * @param campaignId      an existing EspoCRM campaign to log the send in, or null
 * @param newCampaignName the name of the campaign to create when {@code campaignId} is null (null: the template's)
 */
public record SendParams(String templateId, SendAudience audience, Instant scheduledAt, String campaignId,
                         String newCampaignName) {

    public static SendParams now(String templateId, SendAudience audience) {
        return new SendParams(templateId, audience, null, null, null);
    }
}
