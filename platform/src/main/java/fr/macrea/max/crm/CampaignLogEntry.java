package fr.macrea.max.crm;

import java.time.Instant;

/**
 * A campaign log record: {@code action} is EspoCRM's (Sent, Opened, Clicked, Opted Out, Bounced, Lead Created,
 * Opted In); {@code target} is the lead or contact concerned.
 */
public record CampaignLogEntry(String id, String campaignId, String action, EntityRef target, Instant actionDate,
                               String stringData) {
}
