package fr.macrea.max.brains.ecommerce;

import fr.macrea.max.plugins.api.Brain;
import fr.macrea.max.plugins.api.testing.BrainContractTest;

class EcommerceBrainContractTest extends BrainContractTest {

    @Override
    protected Brain brain() {
        return new EcommerceBrain();
    }

    @Override
    protected String brainId() {
        return "ecommerce";
    }
}
