package fr.macrea.max.creative;

import fr.macrea.max.brain.BrainActivationService;
import fr.macrea.max.brain.BrainJars;
import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The templates of the tenant's active brains are Créa models, for that tenant only. */
class CreaBrainModelsIT extends PlatformIT {

    static final Path BRAINS = brains();

    static Path brains() {
        try {
            Path dir = Files.createTempDirectory("crea-brains");
            BrainJars.good(dir, "standard", "1.0.0");
            BrainJars.good(dir, "logistique", "1.0.0");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void brainsDir(DynamicPropertyRegistry registry) {
        registry.add("max.brains.dir", BRAINS::toString);
        registry.add("max.brains.watch", () -> "false");
    }

    @Autowired
    TenantService tenants;
    @Autowired
    BrainActivationService activations;
    @Autowired
    CreativeService creative;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void anActiveBrainsTemplateIsAModelOfItsTenantOnly() {
        Tenant a = TestTenants.create(tenants, "Crea brain A", Plan.PRO);
        Tenant b = TestTenants.create(tenants, "Crea brain B", Plan.PRO);
        SystemAuthentication.asPlatform(() -> {
            activations.activate(a.id(), "logistique");
            return null;
        });
        TestTenants.signInAs(a, Role.TENANT_USER);
        CreaModel devis = creative.models(Channel.EMAIL).stream().filter(m -> m.key().equals("logistique:devis"))
                .findFirst().orElseThrow();
        assertThat(devis.fromBrain()).isTrue();
        assertThat(FrenchMessages.render(devis.name())).isEqualTo("Devis logistique");
        assertThat(devis.tone()).isEqualTo("pro");
        assertThat(creative.models(Channel.WHATSAPP)).extracting(CreaModel::key).doesNotContain("logistique:devis");
        CreaContent written = creative.write("logistique:devis", "");
        assertThat(written.subject()).isEqualTo("Votre devis {Lead.firstName}");
        assertThat(written.body()).isEqualTo("Bonjour {Lead.firstName}, voici votre devis.");
        assertThat(creative.check(written)).isEmpty();

        TestTenants.signInAs(b, Role.TENANT_USER);
        assertThat(creative.models(null)).extracting(CreaModel::key).doesNotContain("logistique:devis");
        assertThatThrownBy(() -> creative.write("logistique:devis", "")).isInstanceOf(CreativeException.class);
    }
}
