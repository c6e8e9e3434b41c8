package fr.macrea.max.outbound;

import java.time.Instant;
import java.util.Map;

/** What the send action did: the send it scheduled, its planned counts and the campaign it logs to. */
public record SendResult(long sendId, int eligible, Map<SkipReason, Integer> excluded, int units,
                         Instant scheduledAt, String campaignId) {
}
