package fr.macrea.max.brain;

import fr.macrea.max.plugins.api.Brain;
import fr.macrea.max.plugins.api.BrainContext;
import fr.macrea.max.plugins.api.BrainContributions;
import fr.macrea.max.plugins.api.PluginsApi;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * {@code ./max bench brains}: a brain jar through {@link BrainManager} against a plain {@link URLClassLoader}.
 * <ul>
 *   <li>{@code ratio}: median time of a cached reload (folder scan, jar check, SHA-256, cached report rebuilt and
 *   validated in the host, no child) over the median time of loading the same jar with a bare class loader (open,
 *   instantiate, call {@code contribute} in-process), interleaved in the same JVM. Target <= 3.</li>
 *   <li>{@code first_load_ms}: p95 of a scan that meets a jar never seen before (a new SHA-256 each round): check,
 *   child JVM, validation and registration. Target <= 1500 ms.</li>
 * </ul>
 * Usage: {@code java -cp <test class path> fr.macrea.max.brain.BrainLoadBenchmark <brain.jar> [rounds] [fresh rounds]}
 */
public final class BrainLoadBenchmark {

    private BrainLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int freshRounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int warmup = Math.max(20, rounds / 5);
        Path work = Files.createTempDirectory("bench-brains");
        Path brains = Files.createDirectories(work.resolve("brains"));
        Path parked = Files.createDirectories(work.resolve("parked"));
        Path parkedJar = Files.copy(jar, parked.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Path liveJar = brains.resolve(jar.getFileName());

        BrainManager manager = new BrainManager(BrainProperties.of(brains, Duration.ofSeconds(1), false,
                Duration.ofSeconds(30)), Clock.systemUTC(), event -> { }, BrainSwitches.inMemory());
        manager.start();

        // warm-up both paths (JIT, host classes such as plugins-api and Jackson); the first round fills the cache
        for (int i = 0; i < warmup; i++) {
            ours(manager, parkedJar, liveJar);
            plain(parkedJar);
        }
        int childrenBefore = manager.childrenStarted();
        long[] oursNanos = new long[rounds];
        long[] plainNanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            // alternate the order so that neither path always runs on a warmer cache
            if (i % 2 == 0) {
                oursNanos[i] = ours(manager, parkedJar, liveJar);
                plainNanos[i] = plain(parkedJar);
            } else {
                plainNanos[i] = plain(parkedJar);
                oursNanos[i] = ours(manager, parkedJar, liveJar);
            }
        }
        if (manager.childrenStarted() != childrenBefore) {
            throw new IllegalStateException("a cached reload started a child JVM");
        }

        long[] freshNanos = new long[freshRounds];
        for (int i = 0; i < freshRounds; i++) {
            Path fresh = brains.resolve("fresh-" + i + ".jar");
            withNonce(parkedJar, fresh, "round " + i + " " + System.nanoTime());
            long start = System.nanoTime();
            manager.rescan();
            freshNanos[i] = System.nanoTime() - start;
            if (manager.available().isEmpty()) {
                throw new IllegalStateException("the brain was refused: " + manager.statuses());
            }
            Files.delete(fresh);
            manager.rescan();
        }
        int children = manager.childrenStarted() - childrenBefore;
        manager.shutdown();

        double ours = median(oursNanos) / 1e6;
        double plain = median(plainNanos) / 1e6;
        double ratio = ours / plain;
        double firstLoad = percentile(freshNanos, 95) / 1e6;
        System.out.printf(Locale.ROOT, "brain jar: %s, %d rounds after %d warm-up rounds, %d new jars (%d children)%n",
                jar.getFileName(), rounds, warmup, freshRounds, children);
        System.out.printf(Locale.ROOT, "median load: cached reload %.3f ms, plain URLClassLoader %.3f ms%n", ours, plain);
        System.out.printf(Locale.ROOT, "new jar (check + child JVM + validation + register): median %.0f ms, p95 %.0f ms%n",
                median(freshNanos) / 1e6, firstLoad);
        System.out.printf(Locale.ROOT, "RESULT brains ratio=%.2f%n", ratio);
        System.out.printf(Locale.ROOT, "RESULT brains first_load_ms=%.0f%n", firstLoad);
        boolean ok = ratio <= 3.0 && firstLoad <= 1500;
        System.out.println(ok ? "PASS (targets: ratio <= 3, first_load_ms <= 1500)"
                : "FAIL (targets: ratio <= 3, first_load_ms <= 1500)");
        System.exit(ok ? 0 : 1);
    }

    /** Time to load through the manager with the jar's inspection cached; the unload is not timed. */
    private static long ours(BrainManager manager, Path parkedJar, Path liveJar) throws Exception {
        Files.move(parkedJar, liveJar);
        long start = System.nanoTime();
        manager.rescan();
        long elapsed = System.nanoTime() - start;
        if (manager.available().isEmpty()) {
            throw new IllegalStateException("the brain was refused: " + manager.statuses());
        }
        Files.move(liveJar, parkedJar);
        manager.rescan();
        return elapsed;
    }

    /**
     * A copy of the jar with one more entry, so that its SHA-256 is new: never inspected before. Signed again with the
     * development key, as a new release of a brain is, so that the check verifies a genuine signature each round.
     */
    private static void withNonce(Path source, Path target, String nonce) throws Exception {
        Path unsigned = target.resolveSibling(target.getFileName() + ".unsigned");
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try (JarFile in = new JarFile(source.toFile())) {
            java.util.jar.Manifest manifest = new java.util.jar.Manifest();
            manifest.getMainAttributes().putAll(in.getManifest().getMainAttributes());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(unsigned), manifest)) {
                for (JarEntry e : java.util.Collections.list(in.entries())) {
                    String name = e.getName();
                    if (name.equals(JarFile.MANIFEST_NAME) || name.equals("META-INF/")
                            || (name.startsWith("META-INF/MAXBRAIN."))) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(name));
                    try (var data = in.getInputStream(e)) {
                        data.transferTo(out);
                    }
                    out.closeEntry();
                }
                out.putNextEntry(new JarEntry("bench/nonce.txt"));
                out.write(nonce.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(unsigned.toFile());
             var out = Files.newOutputStream(tmp)) {
            BrainSigning.signer(BrainSigning.DEV).sign(zip, out);
        }
        Files.delete(unsigned);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Time to load the same brain with a bare class loader: open, find the extension, instantiate, contribute. */
    private static long plain(Path jar) throws Exception {
        long start = System.nanoTime();
        BrainContributions contributions;
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()},
                BrainLoadBenchmark.class.getClassLoader())) {
            String className;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    loader.findResource("META-INF/extensions.idx").openStream(), StandardCharsets.UTF_8))) {
                className = r.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElseThrow();
            }
            Brain brain = (Brain) loader.loadClass(className).getDeclaredConstructor().newInstance();
            contributions = brain.contribute(new BrainContext() {
                @Override
                public String apiVersion() {
                    return PluginsApi.VERSION;
                }

                @Override
                public String brainId() {
                    return "bench";
                }
            });
        }
        long elapsed = System.nanoTime() - start;
        if (contributions.templates().isEmpty()) {
            throw new IllegalStateException("no templates");
        }
        return elapsed;
    }

    private static double percentile(long[] values, int pct) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(pct / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
