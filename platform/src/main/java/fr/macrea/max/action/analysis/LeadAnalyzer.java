package fr.macrea.max.action.analysis;

import fr.macrea.max.crm.Lead;
import fr.macrea.max.crm.TimelineEntry;
import fr.macrea.max.shared.Message;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rules of the lead analysis: pure, deterministic (same lead, timeline and time give the same analysis). */
final class LeadAnalyzer {

    private static final List<String> ACTIVITY_KINDS = List.of("Call", "Meeting", "Email", "Note", "Task");

    private LeadAnalyzer() {
    }

    static LeadAnalysis analyse(Lead lead, List<TimelineEntry> timeline, Instant now) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        ACTIVITY_KINDS.forEach(k -> counts.put(k, 0));
        int sent = 0, opened = 0, clicked = 0, optedOut = 0, bounced = 0;
        for (TimelineEntry entry : timeline) {
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
        Instant last = timeline.stream().map(TimelineEntry::at).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        Instant reference = last != null ? last : lead.createdAt() != null ? lead.createdAt() : now;
        long days = Math.max(0, Duration.between(reference, now).toDays());
        String recency = last == null ? "never" : days <= 7 ? "week" : days <= 30 ? "month" : days <= 90 ? "low" : "inactive";
        List<String> missing = missingFields(lead);
        String status = lead.status() == null ? "New" : lead.status();

        int activityPoints = Math.min(20, 4 * (counts.get("Call") + counts.get("Meeting")) + 2 * counts.get("Email")
                + counts.get("Note") + counts.get("Task"));
        int engagementPoints = Math.min(10, 5 * opened) + Math.min(20, 10 * clicked);
        int recencyPoints = last == null ? 0 : days <= 7 ? 30 : days <= 30 ? 15 : days <= 90 ? 5 : 0;
        int statusPoints = switch (status) {
            case "Assigned" -> 15;
            case "In Process" -> 25;
            case "Converted" -> 30;
            case "Recycled" -> 5;
            case "Dead" -> 0;
            default -> 10;
        };
        int completeness = Math.max(0, 10 - 2 * missing.size());
        int score = "Dead".equals(status) ? 0
                : Math.min(100, statusPoints + recencyPoints + activityPoints + engagementPoints + completeness);
        String temperature = score >= 60 ? "CHAUD" : score >= 30 ? "TIEDE" : "FROID";

        List<Message> next = nextActions(lead, status, counts, campaign, missing, last, days, score);
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

    /** The status's name for users; an EspoCRM status M.A.X. does not know is shown as is. */
    static Message statusLabel(String status) {
        return switch (status) {
            case "New", "Assigned", "In Process", "Converted", "Recycled", "Dead" ->
                    Message.of("lead-analysis.status." + status.replace(' ', '-'));
            default -> Message.of("shared.untranslated", status);
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
