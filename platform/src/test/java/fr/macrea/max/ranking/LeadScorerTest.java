package fr.macrea.max.ranking;

import org.junit.jupiter.api.Test;
import static fr.macrea.max.testing.Texts.fr;
import static fr.macrea.max.testing.Texts.en;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LeadScorerTest {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    static LeadScorer.Facts facts(String status, String source, Set<String> tags, Duration age, boolean complete, int activities) {
        return new LeadScorer.Facts(status, source, tags, age == null ? null : NOW.minus(age), complete, complete,
                complete, complete, activities);
    }

    @Test
    void everyPartCountsWithItsReason() {
        LeadScorer.Score s = LeadScorer.score(facts("In Process", "Partner", Set.of(), Duration.ofHours(3), true, 3), NOW, List.of());
        assertThat(s.value()).isEqualTo(30 + 15 + 20 + 15 + 10);
        assertThat(fr(s.reasons())).containsExactly("Activité aujourd'hui", "3 échanges sur 30 jours", "Statut en cours",
                "Source Partenaire", "Fiche complète");
        assertThat(en(s.reasons())).containsExactly("Activity today", "3 exchanges in 30 days", "Status in process",
                "Source Partner", "Complete record");
    }

    @Test
    void oldArchivedIncompleteLeadScoresLow() {
        LeadScorer.Score s = LeadScorer.score(facts("Dead", null, Set.of(), Duration.ofDays(90), false, 0), NOW, List.of());
        assertThat(s.value()).isZero();
        assertThat(fr(s.reasons())).containsExactly("Aucune activité depuis 90 jours", "Pas d'e-mail");
        assertThat(en(s.reasons())).containsExactly("No activity for 90 days", "No e-mail");
    }

    @Test
    void brainWeightsAddPointsAndAreCappedAt100() {
        RankingWeights beauty = new RankingWeights() {
            public Map<String, Integer> sourcePoints() {
                return Map.of("Web Site", 5);
            }

            public Map<String, Integer> tagPoints() {
                return Map.of("vip", 40);
            }

            public String origin() {
                return "cerveau Beauté";
            }
        };
        LeadScorer.Score s = LeadScorer.score(facts("In Process", "Web Site", Set.of("vip"), Duration.ofHours(1), true, 5),
                NOW, List.of(beauty));
        assertThat(s.value()).isEqualTo(100);
        assertThat(fr(s.reasons())).contains("+45 (cerveau Beauté)");
    }

    @Test
    void temperaturesPartitionActiveLeads() {
        assertThat(LeadSegment.temperature("New", NOW.minus(Duration.ofDays(4)), NOW)).isEqualTo(LeadSegment.CHAUD);
        assertThat(LeadSegment.temperature("Assigned", NOW.minus(Duration.ofDays(5)), NOW)).isEqualTo(LeadSegment.A_RELANCER);
        assertThat(LeadSegment.temperature("In Process", NOW.minus(Duration.ofDays(29)), NOW)).isEqualTo(LeadSegment.A_RELANCER);
        assertThat(LeadSegment.temperature("In Process", NOW.minus(Duration.ofDays(30)), NOW)).isEqualTo(LeadSegment.FROID);
        assertThat(LeadSegment.temperature("New", null, NOW)).isEqualTo(LeadSegment.FROID);
        assertThat(LeadSegment.temperature("Converted", NOW, NOW)).isEqualTo(LeadSegment.ARCHIVE);
        assertThat(LeadSegment.temperature("Custom", NOW, NOW)).isNull();
    }
}
