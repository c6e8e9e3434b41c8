package fr.macrea.max.brain;

import fr.macrea.max.plugins.api.Brain;
import fr.macrea.max.plugins.api.BrainContext;
import fr.macrea.max.plugins.api.BrainContributions;
import fr.macrea.max.plugins.api.PluginsApi;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
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

/**
 * {@code ./max bench brains}: loads one brain jar through {@link BrainManager} (folder scan, manifest and API checks,
 * PF4J class loader, extension lookup, contribution validation) and through a plain {@link URLClassLoader} (open,
 * instantiate, call {@code contribute}), interleaved in the same JVM, and compares the median times. Then checks
 * that metaspace after many load/unload cycles is back near its level before them (class loaders released).
 * <p>
 * Usage: {@code java -cp <test class path> fr.macrea.max.brain.BrainLoadBenchmark <brain.jar> [rounds]}
 */
public final class BrainLoadBenchmark {

    private BrainLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int warmup = Math.max(20, rounds / 5);
        Path work = Files.createTempDirectory("bench-brains");
        Path brains = Files.createDirectories(work.resolve("brains"));
        Path parked = Files.createDirectories(work.resolve("parked"));
        Path parkedJar = Files.copy(jar, parked.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Path liveJar = brains.resolve(jar.getFileName());

        BrainManager manager = new BrainManager(BrainProperties.of(brains, Duration.ofSeconds(1), false,
                Duration.ofSeconds(30)), Clock.systemUTC(), event -> { }, BrainSwitches.inMemory());
        manager.start();

        // warm-up both paths (JIT, host classes such as plugins-api and PF4J)
        for (int i = 0; i < warmup; i++) {
            ours(manager, parkedJar, liveJar);
            plain(parkedJar);
        }
        long metaspaceBefore = metaspaceAfterGc();

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
        long metaspaceAfter = metaspaceAfterGc();
        var classes = ManagementFactory.getClassLoadingMXBean();
        System.out.printf(Locale.ROOT, "classes: loaded now %d, loaded in total %d, unloaded %d%n",
                classes.getLoadedClassCount(), classes.getTotalLoadedClassCount(), classes.getUnloadedClassCount());
        manager.shutdown();

        double ours = median(oursNanos) / 1e6;
        double plain = median(plainNanos) / 1e6;
        double ratio = ours / plain;
        double deltaPct = 100.0 * (metaspaceAfter - metaspaceBefore) / metaspaceBefore;
        System.out.printf(Locale.ROOT, "brain jar: %s, %d rounds after %d warm-up rounds%n", jar.getFileName(), rounds, warmup);
        System.out.printf(Locale.ROOT, "median load: brain manager %.3f ms, plain URLClassLoader %.3f ms%n", ours, plain);
        System.out.printf(Locale.ROOT, "metaspace: before %d KB, after %d load/unload cycles %d KB (%+.1f %%)%n",
                metaspaceBefore / 1024, rounds * 2 + warmup * 2, metaspaceAfter / 1024, deltaPct);
        System.out.printf(Locale.ROOT, "RESULT brains ratio=%.2f%n", ratio);
        System.out.printf(Locale.ROOT, "RESULT brains metaspace_delta_pct=%.1f%n", deltaPct);
        boolean ok = ratio <= 3.0 && Math.abs(deltaPct) <= 10.0;
        System.out.println(ok ? "PASS (targets: ratio <= 3, metaspace within 10 %)" : "FAIL (targets: ratio <= 3, metaspace within 10 %)");
        System.exit(ok ? 0 : 1);
    }

    /** Time to load (scan + checks + PF4J + validation) through the manager; the unload is not timed. */
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

    private static long metaspaceAfterGc() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getName().equals("Metaspace"))
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
