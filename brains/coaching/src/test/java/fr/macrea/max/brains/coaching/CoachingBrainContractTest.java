package fr.macrea.max.brains.coaching;

import fr.macrea.max.plugins.api.Brain;
import fr.macrea.max.plugins.api.testing.BrainContractTest;

class CoachingBrainContractTest extends BrainContractTest {

    @Override
    protected Brain brain() {
        return new CoachingBrain();
    }

    @Override
    protected String brainId() {
        return "coaching";
    }
}
