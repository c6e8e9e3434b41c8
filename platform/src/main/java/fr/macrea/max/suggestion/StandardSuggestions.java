package fr.macrea.max.suggestion;

import fr.macrea.max.shared.Message;

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
            out.add(new Suggestion("standard.follow-up",
                    Message.of("suggestion.follow-up.title", toFollowUp, LeadSegment.FOLLOW_UP_AFTER.toDays()),
                    Message.of("suggestion.follow-up.detail"),
                    toFollowUp, FOLLOW_UP, Map.of("segment", LeadSegment.A_RELANCER.name()), "M.A.X."));
        }
        int cold = leads.count(LeadSegment.FROID);
        if (cold > 0) {
            out.add(new Suggestion("standard.cold", Message.of("suggestion.cold.title", cold),
                    Message.of("suggestion.cold.detail"),
                    cold, NEWSLETTER, Map.of("segment", LeadSegment.FROID.name()), "M.A.X."));
        }
        Dashboard.Messages messages = reporting.dashboard(Period.DAYS_30).messages();
        if (messages.toFollowUp() > 0) {
            out.add(new Suggestion("standard.unanswered",
                    Message.of("suggestion.unanswered.title", messages.toFollowUp(), LeadSegment.FOLLOW_UP_AFTER.toDays()),
                    Message.of("suggestion.unanswered.detail"),
                    messages.toFollowUp(), FOLLOW_UP, Map.of("messages", "unanswered"), "M.A.X."));
        }
        List<fr.macrea.max.ranking.LeadRow> top = leads.topRanked(1);
        if (!top.isEmpty()) {
            var best = top.getFirst();
            out.add(new Suggestion("standard.best-lead", Message.of("suggestion.best-lead.title", best.name(), best.score()),
                    Message.of("suggestion.best-lead.detail", best.reasons()),
                    1, LEAD_ANALYSIS, Map.of("leadId", best.id()), "M.A.X."));
        }
        return out;
    }
}
