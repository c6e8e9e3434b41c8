package fr.macrea.max.brain.child;

import fr.macrea.max.plugins.api.Brain;
import fr.macrea.max.plugins.api.BrainContext;
import fr.macrea.max.plugins.api.BrainContributions;
import fr.macrea.max.plugins.api.PluginsApi;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The entry point of the short-lived child JVM that runs one brain jar's {@code contribute()}, so that brain code
 * never runs in the server. Arguments: the jar (a copy in the child's own working directory) and its
 * {@code Plugin-Id}. It loads the jar with PF4J behind a {@link BrainClassLoader}, calls the one {@link Brain}
 * extension, writes a {@link Report} as JSON on stdout and ends with {@link Runtime#halt} so that no thread the
 * brain started survives (and kills any process it spawned first). Everything a brain prints goes to stderr, so it
 * cannot forge the report's framing; the host validates the report anyway.
 * <p>
 * This package depends on nothing of the platform: the child's class path is only this package, PF4J (with its
 * version library), plugins-api, the SLF4J API and Jackson.
 */
public final class BrainChild {

    /** What failed, as the suffix of a {@code brain.refused.*} message key, with its arguments. */
    public static final Set<String> FAILURE_KINDS = Set.of("pf4j-load", "not-started", "not-started-because",
            "extension-count", "extension-failed", "no-public-constructor", "null-contributions", "host-class",
            "exception", "out-of-memory", "started-threads");

    /** Exit status when even the report could not be written. */
    static final int NO_REPORT = 70;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BrainChild() {
    }

    /** The child's answer: contributions, or a failure. */
    public record Report(BrainContributions contributions, Failure failure) {
    }

    /** @param kind one of {@link #FAILURE_KINDS} */
    public record Failure(String kind, List<String> args) {
        public Failure {
            args = List.copyOf(args);
        }

        static Failure of(String kind, String... args) {
            return new Failure(kind, List.of(args));
        }
    }

    public static void main(String[] args) {
        OutputStream report = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        int status = 0;
        try {
            report.write(JSON.writeValueAsBytes(inspect(Path.of(args[0]), args[1])));
            report.flush();
        } catch (Throwable e) {
            status = NO_REPORT;
            try {
                e.printStackTrace();
            } catch (Throwable ignored) {
                // nothing more to say: the host reads the exit status
            }
        } finally {
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            Runtime.getRuntime().halt(status);
        }
    }

    static Report inspect(Path jar, String id) {
        try {
            return new Report(contribute(jar, id), null);
        } catch (Refused e) {
            return new Report(null, e.failure);
        } catch (OutOfMemoryError e) {
            return new Report(null, Failure.of("out-of-memory"));
        } catch (Throwable e) {
            return new Report(null, hostClass(e) != null ? Failure.of("host-class", hostClass(e))
                    : Failure.of("exception", describe(e)));
        }
    }

    private static BrainContributions contribute(Path jar, String id) {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        HostPluginManager pf4j = new HostPluginManager(jar.getParent());
        String pluginId;
        try {
            pluginId = pf4j.loadPlugin(jar);
        } catch (RuntimeException e) {
            throw new Refused(Failure.of("pf4j-load", describe(e)));
        }
        PluginState state = pf4j.startPlugin(pluginId);
        PluginWrapper wrapper = pf4j.getPlugin(pluginId);
        if (state != PluginState.STARTED) {
            Throwable failure = wrapper == null ? null : wrapper.getFailedException();
            throw new Refused(failure == null ? Failure.of("not-started", String.valueOf(state))
                    : Failure.of("not-started-because", String.valueOf(state), describe(failure)));
        }
        Thread.currentThread().setContextClassLoader(wrapper.getPluginClassLoader());
        List<Brain> brains = pf4j.getExtensions(Brain.class, pluginId);
        if (brains.isEmpty()) {
            explainMissingExtension(pf4j, pluginId);
        }
        if (brains.size() != 1) {
            throw new Refused(Failure.of("extension-count", String.valueOf(brains.size())));
        }
        BrainContributions c = brains.getFirst().contribute(new Context(PluginsApi.VERSION, id));
        if (c == null) {
            throw new Refused(Failure.of("null-contributions"));
        }
        // the contract says no threads: a brain that leaves one behind is refused (the halt ends it anyway)
        List<String> started = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !before.contains(t) && !isJvmThread(t)).map(Thread::getName).sorted().toList();
        if (!started.isEmpty()) {
            throw new Refused(Failure.of("started-threads", String.join(", ", started)));
        }
        return c;
    }

    private static boolean isJvmThread(Thread t) {
        ThreadGroup group = t.getThreadGroup();
        return t.isDaemon() && group != null && "system".equals(group.getName());
    }

    /** PF4J logs and swallows a failing constructor: find the cause to show it. */
    private static void explainMissingExtension(HostPluginManager pf4j, String pluginId) {
        for (Class<? extends Brain> type : pf4j.getExtensionClasses(Brain.class, pluginId)) {
            try {
                type.getDeclaredConstructor().newInstance();
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                String host = hostClass(cause);
                throw new Refused(host != null ? Failure.of("host-class", host)
                        : Failure.of("extension-failed", type.getSimpleName(), describe(cause)));
            } catch (ReflectiveOperationException e) {
                throw new Refused(Failure.of("no-public-constructor", type.getSimpleName()));
            }
        }
    }

    /** The host class a brain was refused, if that is what the failure comes down to. */
    private static String hostClass(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BrainClassLoader.HostClassRefusedException refused) {
                return refused.className();
            }
        }
        return null;
    }

    /**
     * The exception's type and message; for a failed static initializer, what the initializer threw (a later use
     * of the class only says "Could not initialize class", with the original failure as its cause).
     */
    static String describe(Throwable e) {
        Throwable shown = e;
        if (shown instanceof NoClassDefFoundError && shown.getCause() instanceof ExceptionInInitializerError init) {
            shown = init;
        }
        if (shown instanceof ExceptionInInitializerError init && init.getCause() != null) {
            return "ExceptionInInitializerError ← " + describe(init.getCause());
        }
        String message = shown.getMessage();
        return shown.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " — " + message);
    }

    private record Context(String apiVersion, String brainId) implements BrainContext {
    }

    private static final class Refused extends RuntimeException {
        private final transient Failure failure;

        Refused(Failure failure) {
            super(failure.kind(), null, false, false);
            this.failure = failure;
        }
    }
}
