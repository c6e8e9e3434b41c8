package fr.macrea.max.action.analysis;

import fr.macrea.max.crm.Lead;
import fr.macrea.max.crm.TimelineEntry;

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
        String recency = last == null ? "Aucune activité depuis la création (" + days + " j)"
                : days <= 7 ? "Actif cette semaine" : days <= 30 ? "Actif ce mois-ci"
                : days <= 90 ? "Peu actif (" + days + " j)" : "Inactif depuis " + days + " jours";
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
        String temperature = score >= 60 ? "Chaud" : score >= 30 ? "Tiède" : "Froid";

        List<String> next = nextActions(lead, status, counts, campaign, missing, last, days, score);
        int activities = counts.values().stream().mapToInt(Integer::intValue).sum();
        String summary = lead.name() + " : lead " + temperature.toLowerCase() + " (score " + score + "/100), statut "
                + statusLabel(status) + ", " + activities + " activité(s), " + recency.toLowerCase()
                + (campaign.engaged() ? ", engagé dans les campagnes (" + opened + " ouverture(s), " + clicked
                + " clic(s))" : "") + (missing.isEmpty() ? "." : ", " + missing.size() + " champ(s) à compléter.");
        return new LeadAnalysis(lead.id(), lead.name(), status, statusLabel(status), last, days, recency, counts,
                campaign, missing, score, temperature, next, summary);
    }

    static List<String> missingFields(Lead lead) {
        List<String> missing = new ArrayList<>();
        if (blank(lead.emailAddress())) missing.add("Adresse e-mail");
        if (blank(lead.phoneNumber())) missing.add("Téléphone");
        if (blank(lead.accountName())) missing.add("Entreprise");
        if (blank(lead.title())) missing.add("Fonction");
        if (blank(lead.addressCity())) missing.add("Ville");
        if (blank(lead.industry())) missing.add("Secteur");
        if (blank(lead.source())) missing.add("Source");
        return missing;
    }

    private static List<String> nextActions(Lead lead, String status, Map<String, Integer> counts,
                                            LeadAnalysis.CampaignEngagement campaign, List<String> missing,
                                            Instant last, long days, int score) {
        List<String> next = new ArrayList<>();
        if ("Dead".equals(status)) {
            next.add("Lead perdu : l'archiver, ou le placer dans une campagne de réactivation dans 6 mois.");
            return next;
        }
        if ("Converted".equals(status)) {
            next.add("Lead converti : suivre le contact et l'opportunité créés.");
            return next;
        }
        if (blank(lead.assignedUserId())) {
            next.add("Assigner le lead à un commercial.");
        }
        boolean canEmail = !blank(lead.emailAddress()) && !lead.emailOptedOut();
        boolean canCall = !blank(lead.phoneNumber()) && !lead.doNotCall();
        if (campaign.clicked() > 0 && canCall) {
            next.add("A cliqué dans une campagne : l'appeler dans les 48 h.");
        } else if (campaign.opened() > 0 && canEmail) {
            next.add("A ouvert vos e-mails : envoyer une relance personnalisée.");
        }
        if (last == null) {
            next.add(canEmail ? "Premier contact : envoyer un e-mail de présentation personnalisé."
                    : canCall ? "Premier contact : appeler pour qualifier le besoin."
                    : "Aucun canal de contact utilisable : compléter la fiche.");
        } else if (days > 30) {
            next.add("Relancer : aucune activité depuis " + days + " jours.");
        }
        if ("New".equals(status) && last != null) {
            next.add("Passer le statut à « En cours » : des échanges ont eu lieu.");
        }
        if (score >= 60 && counts.get("Meeting") == 0) {
            next.add("Lead chaud : proposer un rendez-vous.");
        }
        if (lead.emailOptedOut()) {
            next.add("Désinscrit des e-mails : aucun envoi marketing par e-mail.");
        }
        if (lead.doNotCall()) {
            next.add("« Ne pas appeler » : aucun appel.");
        }
        if (!missing.isEmpty()) {
            next.add("Compléter la fiche : " + String.join(", ", missing).toLowerCase() + ".");
        }
        return next;
    }

    static String statusLabel(String status) {
        return switch (status) {
            case "New" -> "Nouveau";
            case "Assigned" -> "Assigné";
            case "In Process" -> "En cours";
            case "Converted" -> "Converti";
            case "Recycled" -> "Recyclé";
            case "Dead" -> "Perdu";
            default -> status;
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
