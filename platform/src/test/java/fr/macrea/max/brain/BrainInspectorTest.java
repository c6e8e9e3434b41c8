package fr.macrea.max.brain;

import fr.macrea.max.brain.HostileBrains.Attack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspector alone (no jar check, no manager): each hostile jar costs one child JVM and a refusal with its
 * reason, nothing of it survives in this JVM or as a process, and answers are cached by the jar's content.
 */
class BrainInspectorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(4);

    @TempDir
    Path dir;

    private BrainInspector inspector() {
        return new BrainInspector(dir.resolve("cache"), TIMEOUT, BrainProperties.Inspection.defaults());
    }

    @AfterEach
    void nothing_of_the_brain_is_left() {
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .as("no brain thread in the server JVM").doesNotContain(HostileBrains.THREAD_NAME);
        assertThat(inspectionChildren()).as("no inspection child left alive").isEmpty();
    }

    static List<ProcessHandle> inspectionChildren() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    }

    private String refusal(Attack attack) {
        BrainInspector inspector = inspector();
        BrainInspector.Inspected inspected = inspector.inspect(HostileBrains.jar(dir, "hostile", attack), "hostile");
        assertThat(inspector.childrenStarted()).isEqualTo(1);
        assertThat(inspected.contributions()).isNull();
        return BrainMessages.fr(inspected.refusal());
    }

    @Test
    void a_brain_that_calls_system_exit_is_refused_with_the_exit_code() {
        assertThat(refusal(Attack.EXITS)).startsWith("le processus d'inspection du cerveau s'est arrêté (code 1) "
                + "sans rendre de contributions");
    }

    @Test
    void a_brain_that_leaves_a_thread_running_is_refused_and_the_thread_dies_with_the_child() {
        assertThat(refusal(Attack.STARTS_A_THREAD))
                .isEqualTo("le cerveau a laissé des threads actifs (" + HostileBrains.THREAD_NAME
                        + ") : un cerveau ne fait que rendre des données");
    }

    @Test
    void a_brain_that_spins_ignoring_interrupts_is_killed_after_the_time_limit() {
        assertThat(refusal(Attack.SPINS)).isEqualTo(
                "le cerveau n'a pas rendu ses contributions en 4 s : son processus d'inspection a été tué");
    }

    @Test
    void a_brain_that_sleeps_forever_is_killed_after_the_time_limit() {
        assertThat(refusal(Attack.SLEEPS_FOREVER)).isEqualTo(
                "le cerveau n'a pas rendu ses contributions en 4 s : son processus d'inspection a été tué");
    }

    @Test
    void a_brain_that_allocates_without_bound_is_refused_for_memory_and_this_heap_is_untouched() {
        assertThat(refusal(Attack.ALLOCATES)).isEqualTo("le cerveau a dépassé la mémoire permise à son inspection (64 Mio)");
    }

    @Test
    void an_extension_index_that_expands_without_bound_costs_the_child_its_heap_not_the_server() {
        assertThat(refusal(Attack.INDEX_BOMB)).isEqualTo("le cerveau a dépassé la mémoire permise à son inspection (64 Mio)");
    }

    @Test
    void a_static_initializer_that_throws_shows_what_it_threw() {
        assertThat(refusal(Attack.STATIC_INIT_THROWS)).isEqualTo("le cerveau a levé une exception : "
                + "ExceptionInInitializerError ← IllegalStateException — règles introuvables");
    }

    @Test
    void an_answer_that_is_not_a_report_is_refused() {
        assertThat(refusal(Attack.FORGES_OUTPUT)).startsWith("réponse illisible du processus d'inspection : ");
    }

    @Test
    void an_answer_larger_than_the_bound_kills_the_child() {
        assertThat(refusal(Attack.FLOODS_OUTPUT).replaceAll("[\\s\\u00a0\\u202f]", ""))
                .isEqualTo("réponseduprocessusd'inspectiontropvolumineuse(plusde8388608octets):processustué");
    }

    @Test
    void the_child_has_an_empty_environment_bounded_flags_and_a_minimal_class_path() {
        BrainInspector.Inspected inspected = inspector().inspect(HostileBrains.jar(dir, "curieux", Attack.SNOOPS), "curieux");
        assertThat(inspected.refusal()).isNull();
        String seen = inspected.contributions().templates().getFirst().tone();
        assertThat(seen).contains("env={}", "-Xmx64m", "-XX:ActiveProcessorCount=1", "-XX:+UseSerialGC");
        String classPath = seen.substring(seen.indexOf(" cp=") + 4, seen.indexOf(" args="));
        assertThat(classPath.split(java.io.File.pathSeparator)).hasSize(8)
                .allSatisfy(entry -> assertThat(entry).doesNotContain("spring", "h2", "mysql", "logback", "jooq"))
                .anySatisfy(entry -> assertThat(entry).contains("classes-"))
                .noneSatisfy(entry -> assertThat(entry).endsWith("platform/target/classes"));
        assertThat(seen).doesNotContain("datasource", "password");
    }

    @Test
    void a_jar_is_inspected_once_per_content_and_a_refusal_stays_across_restarts_until_the_file_changes()
            throws Exception {
        Path good = BrainJars.good(dir, "logistique", "1.0.0");
        Path bad = HostileBrains.jar(dir, "sortie", Attack.EXITS);
        BrainInspector first = inspector();
        BrainInspector.Inspected loaded = first.inspect(good, "logistique");
        assertThat(loaded.contributions().templates()).extracting(t -> t.name().fr()).containsExactly("Devis logistique");
        assertThat(loaded.provider()).isEqualTo("Tests");
        String reason = BrainMessages.fr(first.inspect(bad, "sortie").refusal());
        assertThat(first.childrenStarted()).isEqualTo(2);
        assertThat(first.inspect(good, "logistique").contributions()).isEqualTo(loaded.contributions());
        assertThat(first.childrenStarted()).as("same content: cached").isEqualTo(2);

        BrainInspector restarted = inspector();
        assertThat(restarted.inspect(good, "logistique").contributions()).isEqualTo(loaded.contributions());
        assertThat(BrainMessages.fr(restarted.inspect(bad, "sortie").refusal())).isEqualTo(reason);
        assertThat(restarted.childrenStarted()).as("a restart with unchanged jars starts no child").isZero();

        Files.delete(bad);
        BrainJars.good(dir, "sortie", "1.0.0");
        Files.move(dir.resolve("brain-sortie-1.0.0.jar"), bad, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(restarted.inspect(bad, "sortie").refusal()).as("the file changed: inspected again").isNull();
        assertThat(restarted.childrenStarted()).isEqualTo(1);
    }

    @Test
    void a_fat_jar_location_names_the_outer_jar_and_the_nested_entry() throws Exception {
        var nested = ChildRuntime.Nested.of(
                "jar:nested:/opt/max%20app/max.jar/!BOOT-INF/lib/pf4j-3.15.0.jar!/");
        assertThat(nested.outer()).isEqualTo(Path.of("/opt/max app/max.jar"));
        assertThat(nested.entry()).isEqualTo("BOOT-INF/lib/pf4j-3.15.0.jar");
        assertThat(ChildRuntime.Nested.of(dir.toUri().toURL())).isNull();
    }
}
