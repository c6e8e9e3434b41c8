package fr.macrea.max.action.analysis;

import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The line the action log and the ledger keep for an analysis names the lead as the user saw it. */
class LeadAnalysisSummaryTest {

    private final LeadAnalysisAction action = new LeadAnalysisAction(Clock.systemUTC(), java.util.List.of());

    @Test
    void the_summary_names_the_lead_by_its_name_when_the_screen_knows_it() {
        assertThat(action.describe(new LeadAnalysisParams("L1", " Inès Durand ")))
                .isEqualTo("analyse du lead Inès Durand (L1)");
    }

    @Test
    void without_a_name_the_summary_names_the_lead_by_its_id() {
        assertThat(action.describe(new LeadAnalysisParams("L1"))).isEqualTo("analyse du lead L1");
        assertThat(action.describe(new LeadAnalysisParams("L1", " "))).isEqualTo("analyse du lead L1");
    }

    @Test
    void a_very_long_name_is_cut() {
        String summary = action.describe(new LeadAnalysisParams("L1", "x".repeat(1000)));
        assertThat(summary).hasSize("analyse du lead ".length() + LeadAnalysisParams.NAME_LENGTH + " (L1)".length());
    }
}
