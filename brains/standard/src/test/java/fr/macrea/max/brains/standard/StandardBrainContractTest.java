package fr.macrea.max.brains.standard;

import fr.macrea.max.plugins.api.Brain;
import fr.macrea.max.plugins.api.BrainContributions;
import fr.macrea.max.plugins.api.KpiDefinition;
import fr.macrea.max.plugins.api.LeadSegments;
import fr.macrea.max.plugins.api.SuggestionRoutine;
import fr.macrea.max.plugins.api.testing.BrainContractTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StandardBrainContractTest extends BrainContractTest {

    @Override
    protected Brain brain() {
        return new StandardBrain();
    }

    @Override
    protected String brainId() {
        return "standard";
    }

    /** Issue 16: "Leads à relancer" 182 next to the tile's 21. The brain now counts the platform's own segment. */
    @Test
    void followUpKpiAndSuggestionUseThePlatformsSegment() {
        BrainContributions c = brain().contribute(context());
        KpiDefinition kpi = c.kpis().stream().filter(k -> k.id().equals("leads-a-relancer")).findFirst().orElseThrow();
        assertEquals(List.of(LeadSegments.A_RELANCER), kpi.filters());
        assertEquals(LeadSegments.A_RELANCER_LABEL, kpi.label());
        SuggestionRoutine routine = c.suggestions().stream().filter(s -> s.id().equals("leads-non-relances"))
                .findFirst().orElseThrow();
        assertEquals(List.of(LeadSegments.A_RELANCER), routine.conditions());
    }
}
