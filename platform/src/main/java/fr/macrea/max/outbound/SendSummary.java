package fr.macrea.max.outbound;

import java.time.Instant;
import java.util.Map;

/** A send as the "Envoi" view lists it: its status and its recipients counted by status and skip reason. */
public record SendSummary(long id, String templateName, String subject, String campaignId, String adapter,
                          String status, Instant scheduledAt, Instant createdAt, String createdBy, int sent,
                          int pending, int failed, Map<SkipReason, Integer> skipped) {

    public int skippedTotal() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }
}
