package fr.macrea.max.action.analysis;

import fr.macrea.max.crm.Lead;
import static fr.macrea.max.testing.Texts.fr;
import static fr.macrea.max.testing.Texts.en;
import fr.macrea.max.crm.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LeadAnalyzerTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private static Lead lead(String status, String email, String phone, boolean optedOut, boolean doNotCall) {
        return lead(status, email, phone, optedOut, doNotCall, NOW.minus(60, ChronoUnit.DAYS));
    }

    private static Lead lead(String status, String email, String phone, boolean optedOut, boolean doNotCall,
                             Instant modifiedAt) {
        return new Lead("L1", "Camille", "Martin", "Boutique Zen", null, email, optedOut, phone, doNotCall, status,
                "Web Site", null, "Lyon", null, Set.of(), null, null, NOW.minus(60, ChronoUnit.DAYS), modifiedAt);
    }

    private static TimelineEntry entry(String kind, String status, int daysAgo) {
        return new TimelineEntry(kind, kind + daysAgo, kind, status, null, NOW.minus(daysAgo, ChronoUnit.DAYS));
    }

    @Test
    void aHotEngagedLeadIsScoredHighWithACallFirst() {
        // the record was changed with the call, two days ago: the last contact of the ranking and the segments
        LeadAnalysis a = LeadAnalyzer.analyse(lead("In Process", "c@zen.fr", "+33600000000", false, false,
                NOW.minus(2, ChronoUnit.DAYS)), List.of(
                entry("Call", "Held", 2), entry("Email", "Sent", 5), entry("CampaignLogRecord", "Opened", 3),
                entry("CampaignLogRecord", "Clicked", 3), entry("CampaignLogRecord", "Sent", 4)), NOW);
        assertThat(a.daysSinceLastActivity()).isEqualTo(2);
        assertThat(fr(a.recency())).isEqualTo("Actif cette semaine");
        assertThat(en(a.recency())).isEqualTo("Active this week");
        assertThat(a.activityCounts()).containsEntry("Call", 1).containsEntry("Email", 1).containsEntry("Meeting", 0);
        assertThat(a.campaign()).isEqualTo(new LeadAnalysis.CampaignEngagement(1, 1, 1, 0, 0));
        assertThat(fr(a.temperature())).isEqualTo("Chaud");
        assertThat(fr(a.nextActions().getFirst())).isEqualTo("Assigner le lead à un commercial.");
        assertThat(en(a.nextActions().getFirst())).isEqualTo("Assign the lead to a salesperson.");
        assertThat(fr(a.nextActions())).contains("A cliqué dans une campagne : l'appeler dans les 48 h.",
                "Lead chaud : proposer un rendez-vous.");
        assertThat(fr(a.missingFields())).containsExactly("Fonction", "Secteur");
        assertThat(fr(a.statusLabel())).isEqualTo("En cours");
    }

    @Test
    void aSilentLeadWithoutChannelsIsColdAndAsksToCompleteTheRecord() {
        LeadAnalysis a = LeadAnalyzer.analyse(lead("New", null, null, false, false), List.of(), NOW);
        // the last contact is the record's last change, as in the ranking
        assertThat(a.lastActivityAt()).isEqualTo(NOW.minus(60, ChronoUnit.DAYS));
        assertThat(a.daysSinceLastActivity()).isEqualTo(60);
        assertThat(fr(a.temperature())).isEqualTo("Froid");
        assertThat(fr(a.missingFields())).contains("Adresse e-mail", "Téléphone");
        assertThat(fr(a.nextActions())).contains("Aucun canal de contact utilisable : compléter la fiche.");
    }

    @Test
    void optOutAndDoNotCallAreRespectedInTheProposals() {
        LeadAnalysis a = LeadAnalyzer.analyse(lead("Assigned", "c@zen.fr", "+33600000000", true, true),
                List.of(entry("CampaignLogRecord", "Clicked", 1), entry("Note", null, 40)), NOW);
        assertThat(fr(a.nextActions())).noneMatch(s -> s.contains("l'appeler"));
        assertThat(fr(a.nextActions())).contains("Désinscrit des e-mails : aucun envoi marketing par e-mail.",
                "« Ne pas appeler » : aucun appel.");
    }

    @Test
    void aDeadLeadGetsNoStatusPointsAndTheAnalysisIsDeterministic() {
        Lead dead = lead("Dead", "c@zen.fr", null, false, false);
        List<TimelineEntry> timeline = List.of(entry("Call", "Held", 100));
        LeadAnalysis a = LeadAnalyzer.analyse(dead, timeline, NOW);
        Lead inProcess = lead("In Process", "c@zen.fr", null, false, false);
        assertThat(a.score()).isLessThan(LeadAnalyzer.analyse(inProcess, timeline, NOW).score());
        assertThat(fr(a.nextActions())).singleElement().asString().contains("réactivation");
        assertThat(LeadAnalyzer.analyse(dead, timeline, NOW)).isEqualTo(a);
    }

    @Test
    void theAnalysisScoresWithTheRankingsScorerAndIgnoresMaxsOwnNotes() {
        Lead lead = lead("Assigned", "c@zen.fr", "+33600000000", false, false);
        List<TimelineEntry> team = List.of(entry("Call", "Held", 3), entry("Note", "Post", 10));
        List<TimelineEntry> withMax = new java.util.ArrayList<>(team);
        for (int i = 0; i < 3; i++) {
            withMax.add(new TimelineEntry("Note", "max" + i, "Post", "Post",
                    "M.A.X. — Analyse de lead (mode Conseil, 2 jetons) : analyse du lead", NOW.minus(i, ChronoUnit.MINUTES)));
        }
        LeadAnalysis a = LeadAnalyzer.analyse(lead, withMax, NOW);
        assertThat(a).isEqualTo(LeadAnalyzer.analyse(lead, team, NOW));
        assertThat(a.daysSinceLastActivity()).isEqualTo(60);
        assertThat(a.activityCounts()).containsEntry("Note", 1);
        int ranking = fr.macrea.max.ranking.LeadScorer.score(fr.macrea.max.ranking.LeadScorer.facts("Assigned",
                "Web Site", Set.of(), lead.modifiedAt(), "c@zen.fr", "Boutique Zen", null, "Lyon", 2), NOW,
                List.of()).value();
        assertThat(a.score()).isEqualTo(ranking);
    }
}
