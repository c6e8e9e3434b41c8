package fr.macrea.max.suggestion;

import fr.macrea.max.ranking.LeadSearchService;
import fr.macrea.max.ranking.LeadSegment;
import fr.macrea.max.reporting.Dashboard;
import fr.macrea.max.reporting.Period;
import fr.macrea.max.reporting.ReportingService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The suggestions every tenant gets, from the segment definitions of docs/reporting.md. */
@Component
@Order(0)
class StandardSuggestions implements SuggestionSource {

    static final String FOLLOW_UP = "automation.follow-up";
    static final String NEWSLETTER = "newsletter.create";
    static final String LEAD_ANALYSIS = "lead.analysis";

    private final LeadSearchService leads;
    private final ReportingService reporting;

    StandardSuggestions(LeadSearchService leads, ReportingService reporting) {
        this.leads = leads;
        this.reporting = reporting;
    }

    @Override
    public List<Suggestion> suggestions() {
        List<Suggestion> out = new ArrayList<>();
        int toFollowUp = leads.count(LeadSegment.A_RELANCER);
        if (toFollowUp > 0) {
            out.add(new Suggestion("standard.follow-up", plural(toFollowUp, "lead non relancé", "leads non relancés")
                    + " depuis " + LeadSegment.FOLLOW_UP_AFTER.toDays() + " jours",
                    "Leads actifs sans contact depuis 5 à 30 jours : une relance automatique les réchauffe.",
                    toFollowUp, FOLLOW_UP, Map.of("segment", LeadSegment.A_RELANCER.name()), "M.A.X."));
        }
        int cold = leads.count(LeadSegment.FROID);
        if (cold > 0) {
            out.add(new Suggestion("standard.cold", plural(cold, "lead froid", "leads froids") + " à réactiver",
                    "Leads actifs sans contact depuis plus de 30 jours : une newsletter de réactivation.",
                    cold, NEWSLETTER, Map.of("segment", LeadSegment.FROID.name()), "M.A.X."));
        }
        Dashboard.Messages messages = reporting.dashboard(Period.DAYS_30).messages();
        if (messages.toFollowUp() > 0) {
            out.add(new Suggestion("standard.unanswered", plural(messages.toFollowUp(), "e-mail sans réponse",
                    "e-mails sans réponse") + " depuis " + LeadSegment.FOLLOW_UP_AFTER.toDays() + " jours",
                    "E-mails envoyés à des leads ces 30 derniers jours, restés sans réponse.",
                    messages.toFollowUp(), FOLLOW_UP, Map.of("messages", "unanswered"), "M.A.X."));
        }
        List<fr.macrea.max.ranking.LeadRow> top = leads.topRanked(1);
        if (!top.isEmpty()) {
            var best = top.getFirst();
            out.add(new Suggestion("standard.best-lead", "Analyser " + best.name() + " (score " + best.score() + ")",
                    "Le lead le mieux classé : " + String.join(", ", best.reasons()) + ".",
                    1, LEAD_ANALYSIS, Map.of("leadId", best.id()), "M.A.X."));
        }
        return out;
    }

    static String plural(int n, String one, String many) {
        return n + " " + (n > 1 ? many : one);
    }
}
