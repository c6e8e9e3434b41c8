package fr.macrea.max.brains.logistique;

import fr.macrea.max.plugins.api.Brain;
import fr.macrea.max.plugins.api.testing.BrainContractTest;

class LogistiqueBrainContractTest extends BrainContractTest {

    @Override
    protected Brain brain() {
        return new LogistiqueBrain();
    }

    @Override
    protected String brainId() {
        return "logistique";
    }
}
