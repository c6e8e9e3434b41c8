package fr.macrea.max.action.analysis;

import fr.macrea.max.crm.CrmLabels;
import fr.macrea.max.crm.Lead;
import fr.macrea.max.crm.MaxNotes;
import fr.macrea.max.ranking.LeadScorer;
import fr.macrea.max.ranking.RankingWeights;
import fr.macrea.max.crm.TimelineEntry;
import fr.macrea.max.shared.Message;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of the lead analysis: pure, deterministic (same lead, timeline and time give the same analysis). The score
 * is the ranking's ({@link LeadScorer}), from the same facts as the CRM grid and the lead card; M.A.X.'s own log
 * notes are left out of every count, of the last contact and of the score ({@link MaxNotes}).
 */
final class LeadAnalyzer {

    private static final List<String> ACTIVITY_KINDS = List.of("Call", "Meeting", "Email", "Note", "Task");

    private LeadAnalyzer() {
    }

    static LeadAnalysis analyse(Lead lead, List<TimelineEntry> timeline, Instant now) {
        return analyse(lead, timeline, now, List.of());
    }

    static LeadAnalysis analyse(Lead lead, List<TimelineEntry> fullTimeline, Instant now, List<RankingWeights> weights) {
        List<TimelineEntry> timeline = fullTimeline.stream().filter(e -> !MaxNotes.isMax(e)).toList();
        Map<String, Integer> counts = new LinkedHashMap<>();
        ACTIVITY_KINDS.forEach(k -> counts.put(k, 0));
        int sent = 0, opened = 0, clicked = 0, optedOut = 0, bounced = 0;
        Instant windowStart = now.minus(LeadScorer.ACTIVITY_WINDOW);
        int recentActivities = 0;
        Instant lastActivity = null;
        for (TimelineEntry entry : timeline) {
            if (ACTIVITY_KINDS.contains(entry.kind()) && entry.at() != null) {
                recentActivities += entry.at().isBefore(windowStart) ? 0 : 1;
                lastActivity = lastActivity == null || entry.at().isAfter(lastActivity) ? entry.at() : lastActivity;
            }
            if ("CampaignLogRecord".equals(entry.kind())) {
                String action = entry.status() == null ? "" : entry.status();
                switch (action) {
                    case "Sent" -> sent++;
                    case "Opened" -> opened++;
                    case "Clicked" -> clicked++;
                    case "Opted Out" -> optedOut++;
                    case "Bounced" -> bounced++;
                    default -> { }
                }
            } else if (counts.containsKey(entry.kind())) {
                counts.merge(entry.kind(), 1, Integer::sum);
            }
        }
        LeadAnalysis.CampaignEngagement campaign = new LeadAnalysis.CampaignEngagement(sent, opened, clicked, optedOut, bounced);
        // the last contact as the ranking and the segments see it: the record's last change (modified_at)
        Instant last = lead.modifiedAt() != null ? lead.modifiedAt() : lastActivity;
        Instant reference = last != null ? last : lead.createdAt() != null ? lead.createdAt() : now;
        long days = Math.max(0, Duration.between(reference, now).toDays());
        String recency = last == null ? "never" : days <= 7 ? "week" : days <= 30 ? "month" : days <= 90 ? "low" : "inactive";
        List<String> missing = missingFields(lead);
        String status = lead.status() == null ? "New" : lead.status();

        int score = LeadScorer.score(LeadScorer.facts(lead.status(), lead.source(), lead.tags(), last,
                lead.emailAddress(), lead.accountName(), lead.title(), lead.addressCity(),
                recentActivities), now, weights).value();
        String temperature = score >= 60 ? "CHAUD" : score >= 30 ? "TIEDE" : "FROID";

        // "never contacted" proposals look at the activities: a record edit is not a first contact
        List<Message> next = nextActions(lead, status, counts, campaign, missing, lastActivity, days, score);
        int activities = counts.values().stream().mapToInt(Integer::intValue).sum();
        Message summary = Message.of("lead-analysis.summary", lead.name(),
                Message.of("lead-analysis.temperature." + temperature + ".inline"), score,
                statusLabel(status), activities,
                Message.of("lead-analysis.recency." + recency + ".inline", days),
                campaign.engaged() ? Message.of("lead-analysis.summary.engaged", opened, clicked)
                        : Message.of("lead-analysis.summary.nothing"),
                missing.isEmpty() ? Message.of("lead-analysis.summary.nothing")
                        : Message.of("lead-analysis.summary.missing", missing.size()));
        return new LeadAnalysis(lead.id(), lead.name(), status, statusLabel(status), last, days,
                Message.of("lead-analysis.recency." + recency, days), counts, campaign,
                missing.stream().map(f -> Message.of("lead-analysis.field." + f)).toList(), score,
                Message.of("lead-analysis.temperature." + temperature), next, summary);
    }

    static List<String> missingFields(Lead lead) {
        List<String> missing = new ArrayList<>();
        if (blank(lead.emailAddress())) missing.add("emailAddress");
        if (blank(lead.phoneNumber())) missing.add("phoneNumber");
        if (blank(lead.accountName())) missing.add("accountName");
        if (blank(lead.title())) missing.add("title");
        if (blank(lead.addressCity())) missing.add("addressCity");
        if (blank(lead.industry())) missing.add("industry");
        if (blank(lead.source())) missing.add("source");
        return missing;
    }

    private static List<Message> nextActions(Lead lead, String status, Map<String, Integer> counts,
                                            LeadAnalysis.CampaignEngagement campaign, List<String> missing,
                                            Instant last, long days, int score) {
        List<Message> next = new ArrayList<>();
        if ("Dead".equals(status)) {
            next.add(Message.of("lead-analysis.next.dead"));
            return next;
        }
        if ("Converted".equals(status)) {
            next.add(Message.of("lead-analysis.next.converted"));
            return next;
        }
        if (blank(lead.assignedUserId())) {
            next.add(Message.of("lead-analysis.next.assign"));
        }
        boolean canEmail = !blank(lead.emailAddress()) && !lead.emailOptedOut();
        boolean canCall = !blank(lead.phoneNumber()) && !lead.doNotCall();
        if (campaign.clicked() > 0 && canCall) {
            next.add(Message.of("lead-analysis.next.clicked"));
        } else if (campaign.opened() > 0 && canEmail) {
            next.add(Message.of("lead-analysis.next.opened"));
        }
        if (last == null) {
            next.add(Message.of(canEmail ? "lead-analysis.next.first-email"
                    : canCall ? "lead-analysis.next.first-call" : "lead-analysis.next.no-channel"));
        } else if (days > 30) {
            next.add(Message.of("lead-analysis.next.follow-up", days));
        }
        if ("New".equals(status) && last != null) {
            next.add(Message.of("lead-analysis.next.in-process"));
        }
        if (score >= 60 && counts.get("Meeting") == 0) {
            next.add(Message.of("lead-analysis.next.meeting"));
        }
        if (lead.emailOptedOut()) {
            next.add(Message.of("lead-analysis.next.opted-out"));
        }
        if (lead.doNotCall()) {
            next.add(Message.of("lead-analysis.next.do-not-call"));
        }
        if (!missing.isEmpty()) {
            next.add(Message.of("lead-analysis.next.complete",
                    missing.stream().map(f -> Message.of("lead-analysis.field." + f + ".inline")).toList()));
        }
        return next;
    }

    /** The status's name for users, EspoCRM's own label; a status M.A.X. does not know is shown as is. */
    static Message statusLabel(String status) {
        return CrmLabels.value("Lead", "status", status);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
