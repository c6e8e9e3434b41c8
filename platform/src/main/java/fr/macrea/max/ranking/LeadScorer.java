package fr.macrea.max.ranking;

import fr.macrea.max.crm.CrmLabels;
import fr.macrea.max.shared.Message;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The intelligent ranking: a 0-100 score from recency (30), engagement (25), status (20), source (15), completeness
 * (10) and the active brains' weights, with one reason (a message) per part that counted. Pure function, no I/O.
 * The one score of a lead: the CRM grid, the lead card and the lead analysis all build their {@link Facts} with
 * {@link #facts} and score them here, so they cannot disagree. M.A.X.'s own log notes are never part of the facts
 * ({@link fr.macrea.max.crm.MaxNotes}): an analysis must not raise the score of the lead it analyses.
 */
public final class LeadScorer {

    /** How far back the engagement part counts the lead's activities. */
    public static final Duration ACTIVITY_WINDOW = Duration.ofDays(30);

    /**
     * What the scorer needs to know about a lead. {@code lastContact} = the lead's "dernier contact", its
     * {@code modified_at}, the same as the segments' ({@link LeadSegment}); {@code activities} = the lead's
     * activities of the last 30 days, M.A.X.'s own notes left out.
     */
    public record Facts(String status, String source, Set<String> tags, Instant lastContact, boolean hasEmail,
                        boolean hasCompany, boolean hasTitle, boolean hasCity, int activities) {
    }

    /**
     * The facts of a lead, the same way for every screen. The last contact is the record's {@code modified_at}, as
     * in the segments (chaud, à relancer, froid), so a score reason never contradicts the lead's segment.
     */
    public static Facts facts(String status, String source, Set<String> tags, Instant modifiedAt,
                              String email, String company, String title, String city, int activities) {
        return new Facts(status, source, tags == null ? Set.of() : tags, modifiedAt,
                !blank(email), !blank(company), !blank(title), !blank(city), activities);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public record Score(int value, List<Message> reasons) {
    }

    private static final Map<String, Integer> STATUS_POINTS = Map.of("In Process", 20, "Assigned", 12, "New", 8);
    private static final Map<String, Integer> SOURCE_POINTS = Map.of("Partner", 15, "Existing Customer", 15,
            "Web Site", 10, "Call", 10, "Email", 8, "Campaign", 8, "Public Relations", 6, "Cold Call", 4, "Other", 3);

    private LeadScorer() {
    }

    public static Score score(Facts f, Instant now, List<RankingWeights> weights) {
        List<Message> reasons = new ArrayList<>();
        int total = 0;
        if (f.lastContact() != null) {
            long days = Math.max(0, Duration.between(f.lastContact(), now).toDays());
            int recency = days < 1 ? 30 : days < 5 ? 22 : days < 14 ? 12 : days < 30 ? 5 : 0;
            if (recency > 0) {
                reasons.add(days < 1 ? Message.of("ranking.reason.active-today") : Message.of("ranking.reason.active-days", days));
            } else {
                reasons.add(Message.of("ranking.reason.inactive-days", days));
            }
            total += recency;
        }
        int engagement = Math.min(25, 5 * f.activities());
        if (engagement > 0) {
            reasons.add(Message.of("ranking.reason.exchanges", f.activities()));
            total += engagement;
        }
        int status = STATUS_POINTS.getOrDefault(f.status(), 0);
        if (status > 0) {
            reasons.add(Message.of("ranking.reason.status", Message.of("ranking.status." + f.status().replace(' ', '-'))));
            total += status;
        }
        int source = f.source() == null ? 0 : SOURCE_POINTS.getOrDefault(f.source(), 3);
        if (source >= 8) {
            // the source as EspoCRM names it in the reader's language ("Site internet" / "Web Site")
            reasons.add(Message.of("ranking.reason.source", CrmLabels.value("Lead", "source", f.source())));
        }
        total += source;
        int filled = (f.hasEmail() ? 1 : 0) + (f.hasCompany() ? 1 : 0) + (f.hasTitle() ? 1 : 0) + (f.hasCity() ? 1 : 0);
        int completeness = filled * 10 / 4;
        if (filled == 4) {
            reasons.add(Message.of("ranking.reason.complete"));
        } else if (!f.hasEmail()) {
            reasons.add(Message.of("ranking.reason.no-email"));
        }
        total += completeness;
        for (RankingWeights w : weights) {
            int brain = 0;
            if (f.source() != null) {
                brain += w.sourcePoints().getOrDefault(f.source(), 0);
            }
            for (String tag : f.tags()) {
                brain += w.tagPoints().getOrDefault(tag, 0);
            }
            if (brain != 0) {
                reasons.add(Message.of("ranking.reason.brain", (brain > 0 ? "+" : "") + brain, w.origin()));
                total += brain;
            }
        }
        return new Score(Math.max(0, Math.min(100, total)), reasons);
    }
}
