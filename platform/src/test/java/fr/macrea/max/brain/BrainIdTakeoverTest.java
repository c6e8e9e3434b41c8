package fr.macrea.max.brain;

import fr.macrea.max.brain.BrainJars.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A jar named to sort first with {@code Plugin-Id: standard} replaced the genuine standard brain for all tenants at
 * restart (issue 10). Ids stay with the brain that holds them, whatever the file names' order; signers are given
 * here by file name in place of the jar check's signature verification.
 */
class BrainIdTakeoverTest {

    @TempDir
    Path dir;

    /** Signer (certificate fingerprint) per file name; absent = unsigned. */
    private final Map<String, String> signers = new HashMap<>();
    private BrainManager manager;

    private BrainManager start() {
        BrainJarCheck real = new BrainJarCheck(BrainProperties.Trust.defaults());
        manager = new BrainManager(BrainProperties.of(dir, Duration.ofMillis(100), false, Duration.ofSeconds(10)),
                Clock.systemUTC(), event -> { }, BrainSwitches.inMemory(), jar -> {
                    BrainJarCheck.Result r = real.check(jar);
                    return new BrainJarCheck.Result(r.id(), r.version(), r.refusal(),
                            signers.get(jar.getFileName().toString()));
                });
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

    private static Path evil(Path dir) {
        return BrainJars.brain(dir, "aaa-evil.jar", "standard", "9.9.9", BrainJars.REQUIRES, Kind.GOOD);
    }

    @Test
    void a_jar_sorted_first_does_not_take_the_id_of_the_brain_loaded_before_at_restart() {
        BrainJars.good(dir, "standard", "1.0.0");
        start();
        manager.shutdown();
        evil(dir);
        start();
        assertThat(manager.find("standard").orElseThrow().version()).isEqualTo("1.0.0");
        assertThat(BrainMessages.fr(status("aaa-evil.jar").reason())).isEqualTo(
                "identifiant en double : le cerveau « standard » est déjà chargé depuis brain-standard-1.0.0.jar");
        manager.shutdown();
        start();
        assertThat(manager.find("standard").orElseThrow().version()).as("and at every later restart").isEqualTo("1.0.0");
    }

    @Test
    void a_signed_brain_wins_its_id_over_an_unsigned_jar_sorted_first() {
        signers.put("brain-standard-1.0.0.jar", "aa11");
        BrainJars.good(dir, "standard", "1.0.0");
        evil(dir);
        start();
        assertThat(manager.find("standard").orElseThrow().version()).isEqualTo("1.0.0");
        assertThat(BrainMessages.en(status("aaa-evil.jar").reason())).isEqualTo(
                "id \"standard\" is claimed by the signed jar brain-standard-1.0.0.jar: an unsigned jar cannot take it");
    }

    @Test
    void an_id_bound_to_a_signer_is_refused_to_another_signer_even_once_the_genuine_jar_is_gone() {
        signers.put("brain-standard-1.0.0.jar", "aa11");
        Path genuine = BrainJars.good(dir, "standard", "1.0.0");
        start();
        manager.shutdown();
        BrainJars.remove(genuine);
        signers.put("aaa-evil.jar", "bb22");
        evil(dir);
        BrainJars.brain(dir, "zzz-unsigned.jar", "standard", "9.9.8", BrainJars.REQUIRES, Kind.GOOD);
        start();
        assertThat(manager.find("standard")).isEmpty();
        assertThat(BrainMessages.fr(status("aaa-evil.jar").reason())).isEqualTo(
                "l'identifiant « standard » appartient au signataire de brain-standard-1.0.0.jar : ce jar n'est pas signé par lui");
        assertThat(status("zzz-unsigned.jar").state()).isEqualTo(BrainState.REFUSED);
        assertThat(manager.childrenStarted()).as("refused before any child runs").isZero();

        // the same signer's next version takes its id back
        BrainJars.good(dir, "standard", "1.1.0");
        signers.put("brain-standard-1.1.0.jar", "aa11");
        manager.rescan();
        assertThat(manager.find("standard").orElseThrow().version()).isEqualTo("1.1.0");
    }
}
