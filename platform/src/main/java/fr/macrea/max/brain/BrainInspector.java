package fr.macrea.max.brain;

import fr.macrea.max.brain.child.BrainChild;
import fr.macrea.max.plugins.api.BrainContributions;
import fr.macrea.max.shared.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Obtains a jar's contributions without running any of its code in the server: from the cache when the same jar
 * (same SHA-256) was inspected before, else from a short-lived child JVM ({@link BrainChild}) with a bounded heap,
 * one CPU, a wall-time limit, its own working directory and an empty environment. The host rebuilds the
 * {@code plugins-api} records from the child's JSON and validates them ({@link ContributionCheck}); every failure
 * of the child (killed after the time limit, exited without a report, out of memory, malformed output, an exception
 * in the brain) becomes a refusal with its reason.
 */
final class BrainInspector {

    private static final Logger log = LoggerFactory.getLogger(BrainInspector.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Duration timeout;
    private final BrainProperties.Inspection settings;
    private final InspectionCache cache;
    private final ChildRuntime runtime;
    private final AtomicInteger childrenStarted = new AtomicInteger();

    BrainInspector(Path cacheDir, Duration timeout, BrainProperties.Inspection settings) {
        this.timeout = timeout;
        this.settings = settings;
        this.cache = new InspectionCache(cacheDir);
        this.runtime = new ChildRuntime(cacheDir.resolve("runtime"));
    }

    /** A jar's validated contributions, or why it is refused; {@code sha256} is null when it could not be read. */
    record Inspected(String sha256, BrainContributions contributions, Map<String, String> workflowFiles,
                     String provider, Message refusal, boolean cached) {
        static Inspected refused(String sha256, Message refusal) {
            return new Inspected(sha256, null, Map.of(), "", refusal, false);
        }
    }

    /** How many child JVMs were started since this inspector was made (tests, the benchmark). */
    int childrenStarted() {
        return childrenStarted.get();
    }

    Inspected inspect(Path jar, String id) {
        String sha;
        try {
            sha = sha256(jar);
        } catch (IOException e) {
            return Inspected.refused(null, Message.of("brain.refused.unreadable-archive", String.valueOf(e.getMessage())));
        }
        InspectionCache.Entry entry = cache.read(sha).orElse(null);
        boolean cached = entry != null;
        if (entry == null) {
            ChildAnswer answer = runChild(jar, id);
            if (answer == null) {
                return Inspected.refused(sha, Message.of("brain.refused.interrupted"));
            }
            if (!answer.transientFailure()) {
                cache.write(sha, answer.cached());
            }
            entry = answer.cached();
        }
        if (entry.refusal() != null) {
            return Inspected.refused(sha, entry.refusal());
        }
        Object answer = interpret(entry.report());
        if (answer instanceof Message refusal) {
            return Inspected.refused(sha, refusal);
        }
        BrainContributions contributions = (BrainContributions) answer;
        ContributionCheck.Checked checked = ContributionCheck.check(jar, contributions);
        if (checked.refusal() != null) {
            return Inspected.refused(sha, checked.refusal());
        }
        return new Inspected(sha, contributions, checked.workflowFiles(), checked.provider(), null, cached);
    }

    static String sha256(Path jar) throws IOException {
        MessageDigest digest = ChildRuntime.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(jar), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private ChildAnswer runChild(Path jar, String id) {
        Path work = null;
        try {
            work = Files.createTempDirectory(Files.createDirectories(cache.dir().resolve("work")), id + "-");
            Path copy = Files.copy(jar, work.resolve("brain.jar"));
            Files.createDirectories(work.resolve("tmp"));
            List<String> command = command(copy, id, work);
            childrenStarted.incrementAndGet();
            ChildProcess.Run run = ChildProcess.run(command, work, timeout, settings.maxOutputBytes());
            return new ChildAnswer(answer(run), false);
        } catch (IOException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return null;
            }
            log.warn("Cannot start the inspection of {}", jar.getFileName(), e);
            return new ChildAnswer(new InspectionCache.Entry(null,
                    Message.of("brain.refused.child-failed", e.toString())), true);
        } finally {
            delete(work);
        }
    }

    /** A child's answer, and whether it says something about the machine rather than the jar (not cached). */
    private record ChildAnswer(InspectionCache.Entry cached, boolean transientFailure) {
    }

    private List<String> command(Path jar, String id, Path work) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx" + settings.heapMb() + "m", "-Xms8m", "-XX:MaxMetaspaceSize=96m",
                "-XX:ActiveProcessorCount=1", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-XX:-UsePerfData", "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + work.resolve("tmp"), "-Duser.home=" + work,
                "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider", "-Dslf4j.internal.verbosity=WARN",
                "-cp", runtime.classPath(), BrainChild.class.getName(), jar.toString(), id));
        return command;
    }

    /** What the child's run means: its report (checked to be one), or a refusal. */
    private InspectionCache.Entry answer(ChildProcess.Run run) {
        if (run.timedOut()) {
            return refusal(Message.of("brain.refused.timeout", readable(timeout)));
        }
        if (run.overflow()) {
            return refusal(Message.of("brain.refused.output-too-large", settings.maxOutputBytes()));
        }
        if (run.stderrTail().contains("OutOfMemoryError") && (run.exitCode() != 0 || run.stdout().length == 0)) {
            return refusal(Message.of("brain.refused.out-of-memory", settings.heapMb()));
        }
        if (run.exitCode() != 0 || run.stdout().length == 0) {
            String tail = lastLines(run.stderrTail());
            return refusal(tail.isEmpty() ? Message.of("brain.refused.exited", run.exitCode())
                    : Message.of("brain.refused.exited-with-output", run.exitCode(), tail));
        }
        String text = run.stdoutText();
        Object answer = interpret(text);
        return answer instanceof Message m && "brain.refused.malformed-output".equals(m.key())
                ? refusal(m) : new InspectionCache.Entry(text, null);
    }

    /** The child's report as contributions, or the refusal it stands for. */
    private Object interpret(String report) {
        BrainChild.Report parsed;
        try {
            parsed = JSON.readValue(report, BrainChild.Report.class);
        } catch (RuntimeException e) {
            return Message.of("brain.refused.malformed-output", clip(e.getMessage()));
        }
        if (parsed.contributions() != null && parsed.failure() == null) {
            return parsed.contributions();
        }
        BrainChild.Failure failure = parsed.failure();
        if (failure == null || !BrainChild.FAILURE_KINDS.contains(failure.kind())) {
            return Message.of("brain.refused.malformed-output", failure == null ? "{}" : clip(failure.kind()));
        }
        if ("out-of-memory".equals(failure.kind())) {
            return Message.of("brain.refused.out-of-memory", settings.heapMb());
        }
        return Message.of("brain.refused." + failure.kind(), failure.args().stream().map(a -> (Object) clip(a)).toArray());
    }

    private static InspectionCache.Entry refusal(Message reason) {
        return new InspectionCache.Entry(null, reason);
    }

    private static String lastLines(String tail) {
        List<String> lines = tail.lines().filter(l -> !l.isBlank()).toList();
        return clip(String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())));
    }

    private static String clip(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    static String readable(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not delete {}: {}", dir, e.toString());
        }
    }
}
