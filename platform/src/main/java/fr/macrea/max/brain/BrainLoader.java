package fr.macrea.max.brain;

import fr.macrea.max.automation.n8n.N8nWorkflowFile;
import fr.macrea.max.plugins.api.Brain;
import fr.macrea.max.plugins.api.BrainContext;
import fr.macrea.max.plugins.api.BrainContributions;
import fr.macrea.max.plugins.api.ContributionRules;
import fr.macrea.max.plugins.api.PluginsApi;
import fr.macrea.max.plugins.api.Scenario;
import fr.macrea.max.shared.Message;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Loads one checked jar into PF4J, starts it, gets its one {@link Brain} extension and its contributions, validates
 * them with {@link ContributionRules} and reads the n8n workflow files it ships. Brain code runs only here, on a
 * dedicated thread with a time limit, with the brain's own class loader as context class loader; everything it
 * throws becomes a refusal. A refused plugin is unloaded at once, which closes its class loader.
 */
final class BrainLoader {

    private static final Logger log = LoggerFactory.getLogger(BrainLoader.class);
    private static final int MAX_REASONS = 5;

    private final HostPluginManager pf4j;
    private final Duration timeout;
    /** Runs brain code, off the caller's thread so that a brain that never returns can be abandoned. */
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "brain-loader");
        t.setDaemon(true);
        return t;
    });

    BrainLoader(HostPluginManager pf4j, Duration timeout) {
        this.pf4j = pf4j;
        this.timeout = timeout;
    }

    /** What loading a jar gave: a brain and its PF4J id, or the reason it was refused. */
    record Outcome(String pluginId, LoadedBrain brain, Message refusal) {
        static Outcome refused(Message reason) {
            return new Outcome(null, null, reason);
        }
    }

    boolean knows(String id) {
        return pf4j.getPlugin(id) != null;
    }

    Outcome load(Path jar, String id) {
        String pluginId;
        try {
            pluginId = pf4j.loadPlugin(jar);
        } catch (Throwable e) {
            rethrowIfFatal(e);
            return Outcome.refused(Message.of("brain.refused.pf4j-load", describe(e)));
        }
        Outcome outcome = startAndRead(pluginId, id);
        if (outcome.refusal() != null) {
            unload(pluginId);
        }
        return outcome;
    }

    void unload(String pluginId) {
        try {
            pf4j.unloadPlugin(pluginId);
        } catch (Throwable e) {
            rethrowIfFatal(e);
            log.warn("Could not unload plugin {}: {}", pluginId, e.toString());
        }
    }

    List<String> pluginIds() {
        return pf4j.getPlugins().stream().map(PluginWrapper::getPluginId).toList();
    }

    /** Unloads every plugin ({@code unloadPlugins()}, not {@code stopPlugins()}: STACK trap 3). */
    void shutdown() {
        threads.shutdownNow();
        pf4j.unloadPlugins();
    }

    private Outcome startAndRead(String pluginId, String id) {
        BrainContributions contributions;
        Future<BrainContributions> future = threads.submit(() -> contribute(pluginId, id));
        try {
            contributions = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return Outcome.refused(Message.of("brain.refused.timeout", readable(timeout)));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof BrainRefusedException refused) {
                return Outcome.refused(refused.reason);
            }
            rethrowIfFatal(cause);
            log.warn("Brain {} threw while loading", id, cause);
            return Outcome.refused(hostClass(cause)
                    .map(name -> Message.of("brain.refused.host-class", name))
                    .orElseGet(() -> Message.of("brain.refused.exception", describe(cause))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.refused(Message.of("brain.refused.interrupted"));
        }
        List<ContributionRules.Violation> violations = ContributionRules.check(contributions);
        if (!violations.isEmpty()) {
            String more = violations.size() > MAX_REASONS ? " (+" + (violations.size() - MAX_REASONS) + ")" : "";
            // the rules speak both languages themselves: the bilingual key picks the user's
            return Outcome.refused(Message.of("brain.refused.invalid-contributions", Message.of("brain.bilingual",
                    violations.stream().limit(MAX_REASONS).map(v -> v.where() + " : " + v.fr())
                            .collect(Collectors.joining(" ; ")) + more,
                    violations.stream().limit(MAX_REASONS).map(v -> v.where() + ": " + v.en())
                            .collect(Collectors.joining("; ")) + more)));
        }
        Map<String, String> workflows = new LinkedHashMap<>();
        for (Scenario scenario : contributions.scenarios()) {
            if (!scenario.n8nWorkflowResource().isEmpty()) {
                Message bad = readWorkflow(pluginId, scenario, workflows);
                if (bad != null) {
                    return Outcome.refused(bad);
                }
            }
        }
        PluginWrapper wrapper = pf4j.getPlugin(pluginId);
        return new Outcome(pluginId, new LoadedBrain(id, wrapper.getDescriptor().getVersion(),
                BrainJarCheck.trim(wrapper.getDescriptor().getProvider()), contributions, workflows), null);
    }

    /** On the loader thread: brain code (constructor, contribute) with the brain's class loader as context. */
    private BrainContributions contribute(String pluginId, String id) {
        PluginState state = pf4j.startPlugin(pluginId);
        PluginWrapper wrapper = pf4j.getPlugin(pluginId);
        if (state != PluginState.STARTED) {
            Throwable failure = wrapper == null ? null : wrapper.getFailedException();
            throw new BrainRefusedException(failure == null ? Message.of("brain.refused.not-started", state)
                    : Message.of("brain.refused.not-started-because", state, describe(failure)));
        }
        Thread.currentThread().setContextClassLoader(wrapper.getPluginClassLoader());
        try {
            List<Brain> brains = pf4j.getExtensions(Brain.class, pluginId);
            if (brains.isEmpty()) {
                explainMissingExtension(pluginId);
            }
            if (brains.size() != 1) {
                throw new BrainRefusedException(Message.of("brain.refused.extension-count", brains.size()));
            }
            BrainContributions c = brains.getFirst().contribute(new HostContext(PluginsApi.VERSION, id));
            if (c == null) {
                throw new BrainRefusedException(Message.of("brain.refused.null-contributions"));
            }
            return c;
        } finally {
            Thread.currentThread().setContextClassLoader(null);
        }
    }

    /** PF4J logs and swallows a failing constructor: find the cause to show it. */
    private void explainMissingExtension(String pluginId) {
        for (Class<? extends Brain> type : pf4j.getExtensionClasses(Brain.class, pluginId)) {
            try {
                type.getDeclaredConstructor().newInstance();
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new BrainRefusedException(hostClass(cause)
                        .map(name -> Message.of("brain.refused.host-class", name))
                        .orElseGet(() -> Message.of("brain.refused.extension-failed", type.getSimpleName(), describe(cause))));
            } catch (ReflectiveOperationException e) {
                throw new BrainRefusedException(Message.of("brain.refused.no-public-constructor", type.getSimpleName()));
            }
        }
    }

    /** A workflow file the brain ships (custom nodes): read from its own jar, kept as text, checked now. */
    private Message readWorkflow(String pluginId, Scenario scenario, Map<String, String> into) {
        String at = "scenarios[" + scenario.id() + "].n8nWorkflowResource";
        String path = scenario.n8nWorkflowResource();
        try (InputStream in = pf4j.getPlugin(pluginId).getPluginClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return Message.of("brain.refused.workflow-missing", at, path);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            var problem = N8nWorkflowFile.problem(text);
            if (problem.isPresent()) {
                String kind = problem.get().kind().name().toLowerCase().replace('_', '-');
                return Message.of("brain.refused.workflow-invalid", at, path,
                        Message.of("brain.workflow." + kind, problem.get().detail()));
            }
            into.put(scenario.id(), text);
            return null;
        } catch (IOException e) {
            return Message.of("brain.refused.workflow-unreadable", at, describe(e));
        }
    }

    /** The host class a brain was refused, if that is what the failure comes down to. */
    private static java.util.Optional<String> hostClass(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BrainClassLoader.HostClassRefusedException refused) {
                return java.util.Optional.of(refused.className());
            }
        }
        return java.util.Optional.empty();
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " — " + message);
    }

    private static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError error) {
            throw error;
        }
    }

    private static String readable(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    private record HostContext(String apiVersion, String brainId) implements BrainContext {
    }

    private static final class BrainRefusedException extends RuntimeException {
        private final transient Message reason;

        BrainRefusedException(Message reason) {
            super(reason.toString(), null, false, false);
            this.reason = reason;
        }
    }
}
