package fr.macrea.max.action.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A structured, deterministic analysis of one lead from its CRM data.
 *
 * @param daysSinceLastActivity days since the latest timeline item (or since creation when there is none)
 * @param activityCounts        timeline items by kind (Note, Call, Meeting, Email, Task), campaign records excluded
 * @param score                 0..100, from status, recency, activity, engagement and completeness
 * @param temperature           Chaud / Tiède / Froid
 */
public record LeadAnalysis(
        String leadId,
        String leadName,
        String status,
        String statusLabel,
        Instant lastActivityAt,
        long daysSinceLastActivity,
        String recency,
        Map<String, Integer> activityCounts,
        CampaignEngagement campaign,
        List<String> missingFields,
        int score,
        String temperature,
        List<String> nextActions,
        String summary) {

    public LeadAnalysis {
        activityCounts = Map.copyOf(activityCounts);
        missingFields = List.copyOf(missingFields);
        nextActions = List.copyOf(nextActions);
    }

    /** Campaign log records of the lead (EspoCRM {@code CampaignLogRecord.action}). */
    public record CampaignEngagement(int sent, int opened, int clicked, int optedOut, int bounced) {

        public boolean engaged() {
            return opened > 0 || clicked > 0;
        }
    }
}
