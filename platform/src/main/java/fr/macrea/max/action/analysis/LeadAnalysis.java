package fr.macrea.max.action.analysis;

import fr.macrea.max.shared.Message;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A structured, deterministic analysis of one lead from its CRM data. Its texts are messages the UI renders in the
 * user's language (they survive the action log's JSON round trip: nested messages are read back as messages).
 *
 * @param daysSinceLastActivity days since the latest timeline item (or since creation when there is none)
 * @param activityCounts        timeline items by kind (Note, Call, Meeting, Email, Task), campaign records excluded
 * @param score                 0..100, from status, recency, activity, engagement and completeness
 * @param temperature           chaud / tiède / froid
 */
public record LeadAnalysis(
        String leadId,
        String leadName,
        String status,
        Message statusLabel,
        Instant lastActivityAt,
        long daysSinceLastActivity,
        Message recency,
        Map<String, Integer> activityCounts,
        CampaignEngagement campaign,
        List<Message> missingFields,
        int score,
        Message temperature,
        List<Message> nextActions,
        Message summary) {

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
