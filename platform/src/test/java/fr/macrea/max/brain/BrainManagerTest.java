package fr.macrea.max.brain;

import fr.macrea.max.brain.BrainJars.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The brain manager on a real folder with jars built at test time; no Spring. */
class BrainManagerTest {

    @TempDir
    Path dir;

    private final List<Object> events = new ArrayList<>();
    /** Outlives a manager, as the database does a restart. */
    private final BrainSwitches switches = BrainSwitches.inMemory();
    private BrainManager manager;

    private BrainManager start(boolean watch) {
        return start(watch, Duration.ofSeconds(10));
    }

    private BrainManager start(boolean watch, Duration loadTimeout) {
        manager = new BrainManager(BrainProperties.of(dir, Duration.ofMillis(100), watch, loadTimeout),
                Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC), events::add, switches);
        manager.start();
        return manager;
    }

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.shutdown();
        }
    }

    private BrainStatus status(String file) {
        return manager.statuses().stream().filter(s -> s.file().equals(file)).findFirst().orElseThrow();
    }

    @Test
    void starts_with_a_missing_or_empty_folder() {
        manager = new BrainManager(BrainProperties.of(dir.resolve("absent"), Duration.ofMillis(100), true,
                Duration.ofSeconds(5)), Clock.systemUTC(), events::add, switches);
        manager.start();
        assertThat(manager.statuses()).isEmpty();
        assertThat(manager.available()).isEmpty();
        manager.shutdown();
        manager = start(false);
        assertThat(manager.rescan()).isEmpty();
    }

    @Test
    void loads_the_jars_present_at_start() {
        BrainJars.good(dir, "logistique", "1.0.0");
        start(false);
        assertThat(manager.available()).extracting(LoadedBrain::id).containsExactly("logistique");
        LoadedBrain brain = manager.find("logistique").orElseThrow();
        assertThat(brain.version()).isEqualTo("1.0.0");
        assertThat(brain.provider()).isEqualTo("Tests");
        assertThat(brain.contributions().templates()).extracting(t -> t.name().fr()).containsExactly("Devis logistique");
        assertThat(status("brain-logistique-1.0.0.jar").state()).isEqualTo(BrainState.LOADED);
    }

    @Test
    void a_jar_dropped_at_run_time_is_loaded_and_a_removed_one_unloaded_without_restart() {
        start(false);
        Path jar = BrainJars.good(dir, "beaute", "1.0.0");
        manager.rescan();
        assertThat(manager.isAvailable("beaute")).isTrue();
        assertThat(manager.childrenStarted()).as("inspected in one child JVM").isEqualTo(1);
        assertThat(events).contains(new BrainsChanged(java.util.Set.of("beaute"), java.util.Set.of()));

        BrainJars.remove(jar);
        manager.rescan();
        assertThat(manager.isAvailable("beaute")).isFalse();
        assertThat(manager.statuses()).isEmpty();
        assertThat(events).contains(new BrainsChanged(java.util.Set.of(), java.util.Set.of("beaute")));
    }

    @Test
    void the_watcher_picks_up_dropped_and_removed_jars_by_itself() {
        start(true);
        Path jar = BrainJars.good(dir, "coaching", "1.0.0");
        await(() -> manager.isAvailable("coaching"));
        BrainJars.remove(jar);
        await(() -> !manager.isAvailable("coaching") && manager.statuses().isEmpty());
    }

    @Test
    void a_replaced_jar_is_reloaded_with_its_new_version() throws Exception {
        start(false);
        Path v1 = BrainJars.good(dir, "ecommerce", "1.0.0");
        manager.rescan();
        Files.delete(v1);
        BrainJars.good(dir, "ecommerce", "1.1.0");
        manager.rescan();
        assertThat(manager.find("ecommerce").orElseThrow().version()).isEqualTo("1.1.0");
        assertThat(manager.statuses()).singleElement().satisfies(s -> assertThat(s.file()).isEqualTo("brain-ecommerce-1.1.0.jar"));
    }

    @Test
    void a_corrupt_zip_is_refused_with_its_reason() {
        start(false);
        BrainJars.corrupt(dir, "brain-casse-1.0.0.jar");
        manager.rescan();
        BrainStatus s = status("brain-casse-1.0.0.jar");
        assertThat(s.state()).isEqualTo(BrainState.REFUSED);
        assertThat(BrainMessages.fr(s.reason())).startsWith("archive illisible");
        assertThat(BrainMessages.en(s.reason())).startsWith("unreadable archive");
    }

    @Test
    void a_jar_without_manifest_is_refused() {
        start(false);
        BrainJars.withoutManifest(dir, "brain-sans-manifeste.jar");
        manager.rescan();
        assertThat(BrainMessages.fr(status("brain-sans-manifeste.jar").reason())).startsWith("manifeste PF4J absent");
    }

    @Test
    void a_wrong_or_missing_plugin_requires_is_refused() {
        start(false);
        BrainJars.brain(dir, "brain-futur-1.0.0.jar", "futur", "1.0.0", ">=3.0.0 & <4.0.0", Kind.GOOD);
        BrainJars.brain(dir, "brain-vague-1.0.0.jar", "vague", "1.0.0", null, Kind.GOOD);
        BrainJars.brain(dir, "brain-ancien-1.0.0.jar", "ancien", "1.0.0", ">=1.0.0 & <2.0.0", Kind.GOOD);
        manager.rescan();
        assertThat(BrainMessages.en(status("brain-ancien-1.0.0.jar").reason()))
                .as("a brain built for API 1.x must be rebuilt for 2.0")
                .isEqualTo("Plugin-Requires \">=1.0.0 & <2.0.0\" is incompatible with brain API 2.0.0");
        assertThat(BrainMessages.fr(status("brain-futur-1.0.0.jar").reason()))
                .isEqualTo("Plugin-Requires « >=3.0.0 & <4.0.0 » incompatible avec l'API des cerveaux 2.0.0");
        assertThat(BrainMessages.fr(status("brain-vague-1.0.0.jar").reason())).startsWith("Plugin-Requires manquant");
        assertThat(manager.available()).isEmpty();
        assertThat(manager.childrenStarted()).as("refused before any of their code runs").isZero();
    }

    @Test
    void a_duplicate_id_is_refused_and_the_first_brain_keeps_serving() {
        start(false);
        BrainJars.good(dir, "logistique", "1.0.0");
        manager.rescan();
        BrainJars.brain(dir, "zz-logistique-copie.jar", "logistique", "2.0.0", BrainJars.REQUIRES, Kind.GOOD);
        manager.rescan();
        assertThat(BrainMessages.fr(status("zz-logistique-copie.jar").reason()))
                .isEqualTo("identifiant en double : le cerveau « logistique » est déjà chargé depuis brain-logistique-1.0.0.jar");
        assertThat(manager.find("logistique").orElseThrow().version()).isEqualTo("1.0.0");
    }

    @Test
    void a_duplicate_takes_over_when_the_first_jar_is_removed() {
        start(false);
        Path first = BrainJars.good(dir, "logistique", "1.0.0");
        manager.rescan();
        BrainJars.brain(dir, "zz-logistique-copie.jar", "logistique", "2.0.0", BrainJars.REQUIRES, Kind.GOOD);
        manager.rescan();
        BrainJars.remove(first);
        manager.rescan();
        assertThat(manager.find("logistique").orElseThrow().version()).isEqualTo("2.0.0");
        assertThat(status("zz-logistique-copie.jar").state()).isEqualTo(BrainState.LOADED);
    }

    @Test
    void an_invalid_field_name_is_refused_with_the_offending_path() {
        start(false);
        BrainJars.brain(dir, "brain-champs-1.0.0.jar", "champs", "1.0.0", BrainJars.REQUIRES, Kind.BAD_FIELD_NAME);
        manager.rescan();
        BrainStatus s = status("brain-champs-1.0.0.jar");
        assertThat(s.state()).isEqualTo(BrainState.REFUSED);
        assertThat(BrainMessages.fr(s.reason())).contains("fieldPlan.entities[Lead].fields[poids colis]", "nom de champ illégal « poids colis »");
    }

    @Test
    void exceptions_thrown_by_a_brain_are_contained() {
        start(false);
        BrainJars.brain(dir, "brain-leve-1.0.0.jar", "leve", "1.0.0", BrainJars.REQUIRES, Kind.THROWS_IN_CONTRIBUTE);
        BrainJars.brain(dir, "brain-ctor-1.0.0.jar", "ctor", "1.0.0", BrainJars.REQUIRES, Kind.THROWS_IN_CONSTRUCTOR);
        BrainJars.brain(dir, "brain-vide-1.0.0.jar", "vide", "1.0.0", BrainJars.REQUIRES, Kind.NO_EXTENSION);
        BrainJars.good(dir, "standard", "1.0.0");
        manager.rescan();
        assertThat(BrainMessages.fr(status("brain-leve-1.0.0.jar").reason()))
                .isEqualTo("le cerveau a levé une exception : IllegalStateException — base de règles introuvable");
        assertThat(BrainMessages.fr(status("brain-ctor-1.0.0.jar").reason()))
                .isEqualTo("l'extension TestBrain n'a pas pu être créée : IllegalStateException — constructeur cassé");
        assertThat(BrainMessages.fr(status("brain-vide-1.0.0.jar").reason())).startsWith("0 extension(s) Brain");
        assertThat(manager.available()).extracting(LoadedBrain::id).containsExactly("standard");
    }

    @Test
    void a_shipped_n8n_workflow_file_is_kept_and_a_broken_one_refuses_the_brain() {
        start(false);
        BrainJars.brain(dir, "brain-fichier-1.0.0.jar", "fichier", "1.0.0", BrainJars.REQUIRES, Kind.WORKFLOW_FILE);
        BrainJars.brain(dir, "brain-tronque-1.0.0.jar", "tronque", "1.0.0", BrainJars.REQUIRES, Kind.BROKEN_WORKFLOW_FILE);
        manager.rescan();
        assertThat(manager.find("fichier").orElseThrow().workflowFiles()).containsEntry("relance", BrainJars.WORKFLOW);
        BrainStatus broken = status("brain-tronque-1.0.0.jar");
        assertThat(broken.state()).isEqualTo(BrainState.REFUSED);
        assertThat(BrainMessages.fr(broken.reason())).contains("scenarios[relance].n8nWorkflowResource", "n'est pas un workflow n8n");
    }

    @Test
    void a_brain_that_reaches_for_host_classes_is_refused_before_it_runs_and_the_others_keep_working() {
        start(false);
        BrainJars.good(dir, "standard", "1.0.0");
        BrainJars.brain(dir, "brain-curieux-1.0.0.jar", "curieux", "1.0.0", BrainJars.REQUIRES, Kind.LOADS_PLATFORM_CLASS);
        BrainJars.brain(dir, "brain-spring-1.0.0.jar", "spring", "1.0.0", BrainJars.REQUIRES, Kind.LOADS_HOST_LIBRARY);
        manager.rescan();
        assertThat(BrainMessages.fr(status("brain-curieux-1.0.0.jar").reason())).startsWith(
                "code interdit à un cerveau : testbrains.loadsplatformclass.TestBrain utilise java.lang.Class.forName(String)");
        assertThat(BrainMessages.en(status("brain-spring-1.0.0.jar").reason()))
                .startsWith("code a brain may not use: testbrains.loadshostlibrary.TestBrain uses java.lang.Class.forName(String)");
        assertThat(manager.available()).extracting(LoadedBrain::id).containsExactly("standard");
        BrainJars.good(dir, "logistique", "1.0.0");
        manager.rescan();
        assertThat(manager.available()).extracting(LoadedBrain::id).containsExactly("logistique", "standard");
    }

    @Test
    void an_unsigned_or_foreign_signed_jar_is_refused_by_a_production_manager_and_the_signed_ones_load() {
        start(false);
        BrainJars.good(dir, "standard", "1.0.0");
        BrainJars.good(dir, "libre", "1.0.0", BrainJars.Signer.NONE);
        BrainJars.good(dir, "etranger", "1.0.0", BrainJars.Signer.FOREIGN);
        manager.rescan();
        assertThat(status("brain-libre-1.0.0.jar").reason().key()).isEqualTo("brain.refused.unsigned");
        assertThat(status("brain-etranger-1.0.0.jar").reason().key()).isEqualTo("brain.refused.untrusted-signer");
        assertThat(manager.available()).extracting(LoadedBrain::id).containsExactly("standard");
        assertThat(manager.allowsUnsignedBrains()).isFalse();
    }

    @Test
    void a_brain_that_never_answers_is_refused_after_the_time_limit() {
        start(false, Duration.ofMillis(500));
        BrainJars.brain(dir, "brain-lent-1.0.0.jar", "lent", "1.0.0", BrainJars.REQUIRES, Kind.HANGS);
        manager.rescan();
        assertThat(BrainMessages.fr(status("brain-lent-1.0.0.jar").reason())).startsWith("le cerveau n'a pas rendu ses contributions");
    }

    @Test
    void a_refused_jar_fixed_in_place_is_retried() {
        start(false);
        BrainJars.corrupt(dir, "brain-logistique-1.0.0.jar");
        manager.rescan();
        assertThat(status("brain-logistique-1.0.0.jar").state()).isEqualTo(BrainState.REFUSED);
        BrainJars.good(dir, "logistique", "1.0.0");
        // a copy that finished writing has a new size: the next scan retries it
        manager.rescan();
        assertThat(manager.isAvailable("logistique")).isTrue();
    }

    @Test
    void a_disabled_brain_is_hidden_but_stays_loaded() {
        BrainJars.good(dir, "beaute", "1.0.0");
        start(false);
        manager.disable("beaute");
        assertThat(manager.available()).isEmpty();
        assertThat(status("brain-beaute-1.0.0.jar").state()).isEqualTo(BrainState.DISABLED);
        manager.shutdown();
        start(false);
        assertThat(manager.isAvailable("beaute")).as("still disabled after a restart").isFalse();
        manager.enable("beaute");
        assertThat(manager.isAvailable("beaute")).isTrue();
        manager.shutdown();
        start(false);
        assertThat(manager.isAvailable("beaute")).isTrue();
    }

    @Test
    void shutdown_forgets_every_brain() {
        BrainJars.good(dir, "standard", "1.0.0");
        BrainJars.good(dir, "logistique", "1.0.0");
        start(false);
        assertThat(manager.available()).hasSize(2);
        manager.shutdown();
        assertThat(manager.available()).isEmpty();
        manager = null;
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
