package fr.macrea.max.brain;

import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.AddOn;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Per-tenant activation on the real database, with brain jars built for the test. */
@org.springframework.test.context.event.RecordApplicationEvents
class BrainActivationIT extends PlatformIT {

    static final Path BRAINS = brainsFolder();

    @DynamicPropertySource
    static void brains(DynamicPropertyRegistry registry) {
        registry.add("max.brains.dir", BRAINS::toString);
        registry.add("max.brains.watch", () -> "false");
    }

    static Path brainsFolder() {
        try {
            Path dir = Files.createTempDirectory("brains-it");
            BrainJars.good(dir, "standard", "1.0.0");
            BrainJars.good(dir, "logistique", "1.0.0");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    TenantService tenants;
    @Autowired
    BrainActivationService activations;
    @Autowired
    BrainCatalog catalog;
    @Autowired
    BrainManager manager;
    @Autowired
    BrainDemoSeeder seeder;
    @Autowired
    BrainStateRepository brainStates;
    @Autowired
    org.springframework.test.context.event.ApplicationEvents events;
    @Autowired
    fr.macrea.max.security.TenantContext tenantContext;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    private void asAdmin(Runnable work) {
        SystemAuthentication.asPlatform(() -> {
            work.run();
            return null;
        });
    }

    private Set<String> templatesSeenBy(Tenant tenant) {
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        try {
            return Set.copyOf(catalog.templates().stream().map(Contributed::key).toList());
        } finally {
            TestTenants.signOut();
        }
    }

    @Test
    void tenant_a_activating_a_brain_changes_nothing_for_tenant_b() {
        Tenant a = TestTenants.create(tenants, "Transports A", Plan.PRO);
        Tenant b = TestTenants.create(tenants, "Transports B", Plan.PRO);
        asAdmin(() -> activations.activate(a.id(), "logistique"));

        assertThat(templatesSeenBy(a)).containsExactly("logistique:devis");
        assertThat(templatesSeenBy(b)).isEmpty();
        assertThat(events.stream(BrainActivationChanged.class))
                .singleElement().satisfies(e -> {
                    assertThat(e.tenant()).isEqualTo(a.id());
                    assertThat(e.type()).isEqualTo("brain.activated");
                    assertThat(e.summary()).isEqualTo("Cerveau « Cerveau logistique » activé pour ce tenant.");
                });
        TestTenants.signInAs(b, Role.TENANT_ADMIN);
        assertThat(catalog.activeBrains()).isEmpty();
        assertThat(catalog.scenarios()).isEmpty();
        assertThat(catalog.fieldPlans()).isEmpty();
        TestTenants.signOut();

        asAdmin(() -> assertThat(activations.brainsOf(b.id())).noneMatch(TenantBrain::activated));
        asAdmin(() -> assertThat(activations.usage().get("logistique")).extracting(Tenant::id).contains(a.id())
                .doesNotContain(b.id()));
    }

    @Test
    void a_standard_tenant_gets_the_universal_brain_but_no_vertical_without_the_add_on() {
        Tenant standard = TestTenants.create(tenants, "Boutique Standard", Plan.STANDARD);
        asAdmin(() -> activations.activate(standard.id(), "standard"));
        assertThatThrownBy(() -> asAdmin(() -> activations.activate(standard.id(), "logistique")))
                .isInstanceOf(BrainActivationException.class)
                .satisfies(e -> assertThat(BrainMessages.fr(((BrainActivationException) e).message()))
                        .contains("demande le plan Pro ou Studio, ou l'option « Fiche métier »"));
        assertThat(templatesSeenBy(standard)).containsExactly("standard:devis");

        Tenant withAddOn = TestTenants.create(tenants, "Atelier Option", Plan.STANDARD, AddOn.FICHE_METIER);
        asAdmin(() -> activations.activate(withAddOn.id(), "logistique"));
        assertThat(templatesSeenBy(withAddOn)).containsExactly("logistique:devis");
    }

    @Test
    void a_tenant_user_cannot_activate_brains_even_for_their_own_tenant() {
        Tenant tenant = TestTenants.create(tenants, "Sans droits", Plan.STUDIO);
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        assertThatThrownBy(() -> activations.activate(tenant.id(), "logistique"))
                .isInstanceOfAny(AccessDeniedException.class, AuthorizationDeniedException.class);
        TestTenants.signOut();
        assertThat(templatesSeenBy(tenant)).isEmpty();
    }

    @Test
    void deactivating_or_downgrading_hides_the_contributions_at_once() {
        Tenant tenant = TestTenants.create(tenants, "Fret Express", Plan.PRO);
        asAdmin(() -> {
            activations.activate(tenant.id(), "standard");
            activations.activate(tenant.id(), "logistique");
        });
        assertThat(templatesSeenBy(tenant)).containsExactlyInAnyOrder("standard:devis", "logistique:devis");

        asAdmin(() -> activations.deactivate(tenant.id(), "logistique"));
        assertThat(templatesSeenBy(tenant)).containsExactly("standard:devis");

        asAdmin(() -> activations.activate(tenant.id(), "logistique"));
        asAdmin(() -> tenants.changePlan(tenant.id(), Plan.STANDARD, Set.of()));
        assertThat(templatesSeenBy(tenant)).as("a downgrade hides vertical brains").containsExactly("standard:devis");
        asAdmin(() -> assertThat(activations.brainsOf(tenant.id()))
                .filteredOn(b -> b.id().equals("logistique")).singleElement()
                .satisfies(b -> assertThat(b.activated() && !b.entitled() && !b.active()).isTrue()));
    }

    @Test
    void an_unknown_brain_cannot_be_activated() {
        Tenant tenant = TestTenants.create(tenants, "Inconnu", Plan.STUDIO);
        assertThatThrownBy(() -> asAdmin(() -> activations.activate(tenant.id(), "astrologie")))
                .isInstanceOf(BrainActivationException.class)
                .satisfies(e -> assertThat(BrainMessages.fr(((BrainActivationException) e).message()))
                        .isEqualTo("Aucun cerveau « astrologie » n'est chargé et actif sur la plateforme."));
    }

    @Test
    void brains_dropped_while_the_server_runs_are_served_and_broken_ones_refused_without_harm() {
        Tenant tenant = TestTenants.create(tenants, "Beauté Live", Plan.STUDIO);
        Path good = BrainJars.good(BRAINS, "beaute", "1.0.0");
        Path bad = BrainJars.brain(BRAINS, "brain-casse-1.0.0.jar", "casse", "1.0.0", BrainJars.REQUIRES,
                BrainJars.Kind.THROWS_IN_CONTRIBUTE);
        try {
            manager.rescan();
            asAdmin(() -> activations.activate(tenant.id(), "beaute"));
            assertThat(templatesSeenBy(tenant)).containsExactly("beaute:devis");
            assertThat(manager.statuses()).filteredOn(s -> s.id().equals("casse")).singleElement()
                    .satisfies(s -> assertThat(BrainMessages.fr(s.reason())).contains("base de règles introuvable"));

            BrainJars.remove(good);
            manager.rescan();
            assertThat(templatesSeenBy(tenant)).as("an unloaded brain disappears from the catalogue").isEmpty();
        } finally {
            try {
                Files.deleteIfExists(good);
                Files.deleteIfExists(bad);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            manager.rescan();
        }
    }

    @Test
    void the_demo_seeder_activates_the_universal_brain_and_the_demo_verticals_it_can() {
        Tenant transport = TestTenants.create(tenants, "TransExpress Démo", Plan.PRO, AddOn.VOIX_IA);
        Tenant zen = TestTenants.create(tenants, "Atelier Zen Démo", Plan.STANDARD, AddOn.FICHE_METIER);
        tenantContext.runAs(transport, () -> seeder.seed(transport, fr.macrea.max.demo.DemoTenant.ALL.get(1)));
        // coaching is not among this test's jars: skipped with a warning, the rest is activated
        tenantContext.runAs(zen, () -> seeder.seed(zen, fr.macrea.max.demo.DemoTenant.ALL.get(2)));

        assertThat(templatesSeenBy(transport)).containsExactlyInAnyOrder("standard:devis", "logistique:devis");
        assertThat(templatesSeenBy(zen)).containsExactly("standard:devis");
    }

    @Test
    void a_brain_disabled_on_one_node_is_disabled_on_every_node_sharing_the_database() {
        Tenant tenant = TestTenants.create(tenants, "Fret Multi-noeud", Plan.PRO);
        asAdmin(() -> activations.activate(tenant.id(), "logistique"));
        // a second node: its own PF4J host on the same jars, the same database
        BrainManager other = new BrainManager(BrainProperties.of(BRAINS, java.time.Duration.ofSeconds(1), false,
                java.time.Duration.ofSeconds(10)), java.time.Clock.systemUTC(), event -> { }, brainStates);
        other.start();
        try {
            assertThat(other.isAvailable("logistique")).isTrue();
            asAdmin(() -> manager.disable("logistique"));
            assertThat(manager.isAvailable("logistique")).as("at once on the node that disabled it").isFalse();
            assertThat(templatesSeenBy(tenant)).isEmpty();

            other.rescan();
            assertThat(other.isAvailable("logistique")).as("on the other node at its next scan").isFalse();
            assertThat(other.statuses()).filteredOn(st -> st.id().equals("logistique")).singleElement()
                    .satisfies(st -> assertThat(st.state()).isEqualTo(BrainState.DISABLED));

            BrainManager restarted = new BrainManager(BrainProperties.of(BRAINS, java.time.Duration.ofSeconds(1),
                    false, java.time.Duration.ofSeconds(10)), java.time.Clock.systemUTC(), event -> { }, brainStates);
            restarted.start();
            try {
                assertThat(restarted.isAvailable("logistique")).as("a node started later").isFalse();
            } finally {
                restarted.shutdown();
            }

            asAdmin(() -> other.enable("logistique"));
            manager.rescan();
            assertThat(manager.isAvailable("logistique")).isTrue();
            assertThat(templatesSeenBy(tenant)).containsExactly("logistique:devis");
        } finally {
            asAdmin(() -> manager.enable("logistique"));
            other.shutdown();
        }
    }
}
