package fr.macrea.max.brains.beaute;

import fr.macrea.max.plugins.api.Brain;
import fr.macrea.max.plugins.api.testing.BrainContractTest;

class BeauteBrainContractTest extends BrainContractTest {

    @Override
    protected Brain brain() {
        return new BeauteBrain();
    }

    @Override
    protected String brainId() {
        return "beaute";
    }
}
