package fr.macrea.max.brain;

import fr.macrea.max.brain.HostileBrains.Attack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile jars found by probing main (issue 10), all in the brains folder beside the genuine brain, through the
 * whole manager (jar check, then the child JVM), unsigned jars allowed as on the embedded default: the bytecode
 * allow-list refuses what names a forbidden API before anything runs, the child's limits stop what only the running
 * shows (a quiet busy loop, unbounded allocation, a throwing initializer); the server JVM survives them, each is
 * refused with its reason, nothing of them is left running, the genuine brain serves, and a restart with all of them
 * still there starts no child and comes up the same.
 */
class BrainIsolationTest {

    @TempDir
    Path dir;

    private BrainManager manager;

    private BrainManager start() {
        manager = new BrainManager(new BrainProperties(dir, Duration.ofMillis(100), false, Duration.ofSeconds(5),
                BrainProperties.Trust.defaults().withAllowUnsigned(true), new BrainProperties.Inspection(null, 64, 8 * 1024 * 1024, 3)),
                Clock.systemUTC(), event -> { }, BrainSwitches.inMemory());
        manager.start();
        return manager;
    }

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.shutdown();
        }
    }

    @Test
    void hostile_brains_are_refused_and_leave_nothing_behind_while_the_genuine_brain_serves() {
        BrainJars.good(dir, "standard", "1.0.0");
        for (Attack attack : Attack.values()) {
            if (attack != Attack.SNOOPS && attack != Attack.FORGES_OUTPUT && attack != Attack.FLOODS_OUTPUT
                    && attack != Attack.INDEX_BOMB) {
                HostileBrains.jar(dir, attack.name().toLowerCase().replace('_', '-'), attack);
            }
        }
        start();

        Map<String, String> reasons = reasons();
        assertThat(reasons).containsOnlyKeys("exits", "starts-a-thread", "spins", "spins-quietly", "sleeps-forever",
                "allocates", "static-init-throws");
        assertThat(reasons.get("exits")).startsWith("code interdit à un cerveau").contains("java.lang.System.exit(int)");
        assertThat(reasons.get("starts-a-thread")).startsWith("code interdit à un cerveau").contains("java.lang.Thread");
        assertThat(reasons.get("spins")).startsWith("code interdit à un cerveau").contains("java.lang.Thread.interrupted()");
        assertThat(reasons.get("sleeps-forever")).startsWith("code interdit à un cerveau")
                .contains("java.lang.Thread.sleep(long)");
        assertThat(reasons.get("spins-quietly")).contains("a été tué");
        assertThat(reasons.get("allocates")).contains("mémoire");
        assertThat(reasons.get("static-init-throws")).contains("ExceptionInInitializerError ← IllegalStateException");
        assertThat(manager.available()).extracting(LoadedBrain::id).containsExactly("standard");
        assertThat(manager.find("standard").orElseThrow().contributions().templates()).isNotEmpty();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .doesNotContain(HostileBrains.THREAD_NAME);
        assertThat(BrainInspectorTest.inspectionChildren()).isEmpty();
        assertThat(manager.childrenStarted()).as("the genuine brain and the three the allow-list lets through")
                .isEqualTo(4);

        // the manager keeps working: a jar dropped now loads
        BrainJars.good(dir, "logistique", "1.0.0");
        manager.rescan();
        assertThat(manager.available()).extracting(LoadedBrain::id).containsExactly("logistique", "standard");

        manager.shutdown();
        start();
        assertThat(manager.childrenStarted()).as("unchanged jars: no child at restart").isZero();
        assertThat(reasons()).isEqualTo(reasons);
        assertThat(manager.available()).extracting(LoadedBrain::id).containsExactly("logistique", "standard");
    }

    private Map<String, String> reasons() {
        return manager.statuses().stream().filter(s -> s.state() == BrainState.REFUSED)
                .collect(Collectors.toMap(BrainStatus::id, s -> BrainMessages.fr(s.reason())));
    }
}
