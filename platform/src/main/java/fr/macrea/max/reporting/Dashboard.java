package fr.macrea.max.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The Reporting tab's figures for one period (definitions in docs/reporting.md).
 *
 * @param newLeadsPerDay new leads per UTC day of the period (days without leads are present with 0)
 */
public record Dashboard(Period period, Instant from, Instant to, Leads leads, Temperatures temperatures,
                        Campaigns campaigns, Messages messages, Map<LocalDate, Integer> newLeadsPerDay) {

    /** Active leads per temperature (now, whatever the period): chaud, à relancer, froid. */
    public record Temperatures(int hot, int followUp, int cold) {
    }

    /** total = not deleted; active / archived by status; created = new during the period. */
    public record Leads(int total, int active, int created, int archived) {
    }

    /**
     * Campaigns created during the period, and campaign log records (EspoCRM {@code CampaignLogRecord}, tests
     * excluded) of the period: sent, opened, clicked. Rates are of the sent e-mails, in percent.
     */
    public record Campaigns(int created, int sent, int opened, int clicked) {

        public double openRate() {
            return sent == 0 ? 0 : 100.0 * opened / sent;
        }

        public double clickRate() {
            return sent == 0 ? 0 : 100.0 * clicked / sent;
        }
    }

    /**
     * E-mails: sent during the period; pending = not sent yet (no date sent, status Draft or Sending); to follow
     * up = sent to a lead during the period, more than 5 days ago, without reply.
     */
    public record Messages(int sent, int pending, int toFollowUp) {
    }

    /** {@code kind}: Call, Meeting, Email, Task, Note, or MaxNote for M.A.X.'s own log notes. */
    public record Activity(String kind, String id, String title, String parentType, String parentId, Instant at) {
    }

    public static List<String> activityKinds() {
        return List.of("Call", "Meeting", "Email", "Task", "Note", "MaxNote");
    }
}
