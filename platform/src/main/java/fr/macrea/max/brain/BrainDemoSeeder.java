package fr.macrea.max.brain;

import fr.macrea.max.demo.DemoSeeder;
import fr.macrea.max.demo.DemoTenant;
import fr.macrea.max.plugins.api.PluginsApi;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Demo data: every demo tenant gets the universal brain plus its verticals (QMix: e-commerce + beauté, ...). */
@Component
class BrainDemoSeeder implements DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(BrainDemoSeeder.class);

    private final BrainActivationService activations;

    BrainDemoSeeder(BrainActivationService activations) {
        this.activations = activations;
    }

    @Override
    public void seed(Tenant tenant, DemoTenant profile) {
        List<String> ids = new ArrayList<>();
        ids.add(PluginsApi.STANDARD_BRAIN_ID);
        ids.addAll(profile.verticals());
        SystemAuthentication.asPlatform(() -> {
            for (String id : ids) {
                try {
                    activations.activate(tenant.id(), id);
                } catch (BrainActivationException e) {
                    log.warn("Demo tenant {}: brain {} not activated: {}", tenant.slug(), id, e.getMessage());
                }
            }
            return null;
        });
    }

    @Override
    public int order() {
        return 20;
    }
}
