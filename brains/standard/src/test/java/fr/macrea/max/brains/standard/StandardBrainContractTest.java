package fr.macrea.max.brains.standard;

import fr.macrea.max.plugins.api.Brain;
import fr.macrea.max.plugins.api.testing.BrainContractTest;

class StandardBrainContractTest extends BrainContractTest {

    @Override
    protected Brain brain() {
        return new StandardBrain();
    }

    @Override
    protected String brainId() {
        return "standard";
    }
}
