package fr.macrea.max.brain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Brain jars that attack the host at run time, as found by probing a running server (issue 10): each is a valid
 * PF4J brain whose {@code contribute()} (or static initializer) does one hostile thing before building ordinary
 * contributions. Built at test time like {@link BrainJars}.
 */
final class HostileBrains {

    /** Names the threads such brains start, so a test can look for them in the server JVM. */
    static final String THREAD_NAME = "hostile-brain-thread";

    private HostileBrains() {
    }

    enum Attack {
        EXITS("System.exit(1);"),
        STARTS_A_THREAD("""
                Thread t = new Thread(() -> {
                    for (int i = 0; i >= 0; i = 0) {
                        try { Thread.sleep(1000); } catch (InterruptedException e) { }
                    }
                }, "%s");
                t.setDaemon(false);
                t.start();""".formatted(THREAD_NAME)),
        /** Busy loop that swallows interrupts. */
        SPINS("long n = 1; while (n > 0) { n = (n * 31 + 7) % 1000003 + 1; Thread.interrupted(); }"),
        /** Busy loop made only of arithmetic: nothing the bytecode allow-list can object to, only the time limit stops it. */
        SPINS_QUIETLY("long n = 1; while (n > 0) { n = (n * 31 + 7) % 1000003 + 1; }"),
        SLEEPS_FOREVER("for (int i = 0; i >= 0; i = 0) { try { Thread.sleep(60_000); } catch (InterruptedException e) { } }"),
        ALLOCATES("for (int i = 0; i >= 0; i++) { HOARD.add(new long[1 << 20]); }"),
        STATIC_INIT_THROWS(""),
        /** Writes its own "report" to the child's real stdout and halts before the child can answer. */
        FORGES_OUTPUT("""
                try (var out = new java.io.FileOutputStream(java.io.FileDescriptor.out)) {
                    out.write("{\\"contributions\\": tout est permis".getBytes());
                } catch (java.io.IOException e) { }
                Runtime.getRuntime().halt(0);"""),
        /** An ordinary brain whose {@code META-INF/extensions.idx} expands to 256 MiB on one line (a 256 KiB entry). */
        INDEX_BOMB(""),
        /** Floods the child's real stdout. */
        FLOODS_OUTPUT("""
                try (var out = new java.io.FileOutputStream(java.io.FileDescriptor.out)) {
                    byte[] chunk = new byte[1 << 20];
                    java.util.Arrays.fill(chunk, (byte) 'x');
                    for (int i = 0; i < 64; i++) { out.write(chunk); }
                } catch (java.io.IOException e) { }
                Runtime.getRuntime().halt(0);"""),
        /** Reports what it can see of its environment in a template's tone. */
        SNOOPS("");

        private final String first;

        Attack(String first) {
            this.first = first;
        }
    }

    static Path jar(Path dir, String id, Attack attack) {
        return jar(dir, "brain-" + id + "-1.0.0.jar", id, attack);
    }

    static Path jar(Path dir, String file, String id, Attack attack) {
        String className = "testbrains.hostile." + attack.name().toLowerCase().replace("_", "") + ".TestBrain";
        var classes = BrainJars.compile(className, source(attack));
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", id);
        main.putValue("Plugin-Version", "1.0.0");
        main.putValue("Plugin-Provider", "Hostile");
        main.putValue("Plugin-Requires", BrainJars.REQUIRES);
        Path target = dir.resolve(file);
        Path tmp = target.resolveSibling(file + ".part");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp), manifest)) {
            for (var e : classes.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            out.write((className + "\n").getBytes(StandardCharsets.UTF_8));
            if (attack == Attack.INDEX_BOMB) {
                byte[] chunk = new byte[1 << 20];
                java.util.Arrays.fill(chunk, (byte) 'a');
                for (int i = 0; i < 256; i++) {
                    out.write(chunk);
                }
            }
            out.closeEntry();
            out.close();
            return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String source(Attack attack) {
        String statics = switch (attack) {
            case ALLOCATES -> "static final List<long[]> HOARD = new java.util.ArrayList<>();";
            case STATIC_INIT_THROWS -> "static final int RULES = load();\n"
                    + "static int load() { throw new IllegalStateException(\"règles introuvables\"); }";
            default -> "";
        };
        String tone = attack == Attack.SNOOPS
                ? "\"env=\" + System.getenv() + \" cp=\" + System.getProperty(\"java.class.path\")"
                + " + \" args=\" + ProcessHandle.current().info().arguments().map(java.util.Arrays::toString).orElse(\"?\")"
                : "\"pro\"";
        return """
                import fr.macrea.max.plugins.api.*;
                import java.util.List;

                @org.pf4j.Extension
                public class TestBrain implements Brain {
                    %s
                    @Override
                    public BrainContributions contribute(BrainContext context) {
                        %s
                        CreativeTemplate template = CreativeTemplate.of("devis", Label.of("Devis", "Quote"),
                                Channel.EMAIL, "Devis", "Bonjour {Lead.firstName}", %s);
                        return BrainContributions.builder(Label.of("Cerveau " + context.brainId(), "Brain"),
                                Label.of("Test", "Test")).templates(List.of(template)).build();
                    }
                }
                """.formatted(statics, attack.first, tone);
    }
}
