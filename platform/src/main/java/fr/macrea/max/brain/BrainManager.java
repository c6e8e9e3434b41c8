package fr.macrea.max.brain;

import fr.macrea.max.plugins.api.Brain;
import fr.macrea.max.plugins.api.BrainContext;
import fr.macrea.max.plugins.api.BrainContributions;
import fr.macrea.max.plugins.api.ContributionRules;
import fr.macrea.max.plugins.api.PluginsApi;
import fr.macrea.max.plugins.api.Scenario;
import fr.macrea.max.automation.n8n.N8nWorkflowFile;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DefaultVersionManager;
import org.pf4j.ExtensionFinder;
import org.pf4j.JarPluginLoader;
import org.pf4j.LegacyExtensionFinder;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginLoader;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.pf4j.VersionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * PF4J host of the brains: loads every jar of {@code max.brains.dir} at start, re-reads the folder every
 * {@code max.brains.scan-interval} to load a dropped jar, reload a replaced one and unload a removed one, without
 * restart. Each jar is checked before it is trusted: readable zip, PF4J manifest, legal id, {@code Plugin-Requires}
 * compatible with plugins-api {@value PluginsApi#VERSION}, one {@link Brain} extension, contributions that satisfy
 * {@link ContributionRules}. A jar that fails any check is refused with a precise reason shown in the console and
 * its class loader is closed.
 * <p>
 * Brain code runs only here, once per load, on a dedicated thread with a time limit; everything a brain throws is
 * caught. Requests only ever read the immutable {@link LoadedBrain} snapshots, so a brain cannot break a request.
 */
@Component
public class BrainManager {

    private static final Logger log = LoggerFactory.getLogger(BrainManager.class);
    private static final Pattern PLUGIN_ID = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final int MAX_REASONS = 5;
    static final String DISABLED_FILE = "max-disabled-brains.txt";

    private final BrainProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final HostPluginManager pf4j;
    private final VersionManager versions = new DefaultVersionManager();

    /** Per jar path: what was seen last time (to notice replacements) and its status. */
    private final Map<Path, Seen> seen = new HashMap<>();
    private final Map<String, LoadedBrain> loaded = new ConcurrentHashMap<>();
    private final Set<String> disabled = ConcurrentHashMap.newKeySet();
    private volatile List<BrainStatus> statuses = List.of();
    private ScheduledExecutorService watcher;
    /** Runs brain code, off the caller's thread so that a brain that never returns can be abandoned. */
    private final ExecutorService loader = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "brain-loader");
        t.setDaemon(true);
        return t;
    });

    public BrainManager(BrainProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.pf4j = new HostPluginManager(properties.dir().toAbsolutePath().normalize());
    }

    @PostConstruct
    void start() {
        disabled.addAll(readDisabled());
        rescan();
        if (properties.watch()) {
            watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "brains-watcher");
                t.setDaemon(true);
                return t;
            });
            long every = Math.max(100, properties.scanInterval().toMillis());
            watcher.scheduleWithFixedDelay(this::rescanQuietly, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops watching and unloads every plugin ({@code unloadPlugins()}, not {@code stopPlugins()}: STACK trap 3). */
    @PreDestroy
    public synchronized void shutdown() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
        loader.shutdownNow();
        loaded.clear();
        seen.clear();
        statuses = List.of();
        pf4j.unloadPlugins();
    }

    private void rescanQuietly() {
        try {
            rescan();
        } catch (RuntimeException e) {
            log.error("Brains folder scan failed", e);
        }
    }

    /** Reads the brains folder now and applies what changed. Returns the statuses after the scan. */
    public synchronized List<BrainStatus> rescan() {
        Map<Path, Fingerprint> present = listJars();
        Set<String> unloadedIds = new HashSet<>();
        Set<String> loadedIds = new HashSet<>();
        // removed or replaced jars first, so a replacement can reuse the id
        for (Map.Entry<Path, Seen> entry : List.copyOf(seen.entrySet())) {
            Fingerprint now = present.get(entry.getKey());
            if (now == null || !now.equals(entry.getValue().fingerprint())) {
                unload(entry.getKey(), entry.getValue()).ifPresent(unloadedIds::add);
            }
        }
        // a jar refused because its id was taken gets another chance once the jar holding that id is gone
        seen.values().removeIf(s -> s.pluginId() == null && s.status().state() == BrainState.REFUSED
                && unloadedIds.contains(s.status().id()));
        present.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!seen.containsKey(e.getKey())) {
                Seen result = load(e.getKey(), e.getValue());
                seen.put(e.getKey(), result);
                if (result.status().state() == BrainState.LOADED) {
                    loadedIds.add(result.status().id());
                }
            }
        });
        statuses = seen.values().stream().map(this::currentStatus)
                .sorted(Comparator.comparing(BrainStatus::id).thenComparing(BrainStatus::file)).toList();
        if (!loadedIds.isEmpty() || !unloadedIds.isEmpty()) {
            unloadedIds.removeAll(loadedIds);
            events.publishEvent(new BrainsChanged(Set.copyOf(loadedIds), Set.copyOf(unloadedIds)));
        }
        return statuses;
    }

    /** Every jar of the folder with its state, for the platform console. */
    public List<BrainStatus> statuses() {
        return statuses;
    }

    /** A loaded brain by id, whether or not a platform admin disabled it. */
    public Optional<LoadedBrain> find(String id) {
        return Optional.ofNullable(loaded.get(id));
    }

    /** Brains loaded and not disabled: what tenants may activate and see. */
    public List<LoadedBrain> available() {
        return loaded.values().stream().filter(b -> !disabled.contains(b.id()))
                .sorted(Comparator.comparing(LoadedBrain::id)).toList();
    }

    public boolean isAvailable(String id) {
        return loaded.containsKey(id) && !disabled.contains(id);
    }

    /** Hides a brain from every tenant at once (kept loaded; tenants' activations are kept). */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public synchronized void disable(String id) {
        disabled.add(id);
        writeDisabled();
        statuses = seen.values().stream().map(this::currentStatus)
                .sorted(Comparator.comparing(BrainStatus::id).thenComparing(BrainStatus::file)).toList();
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public synchronized void enable(String id) {
        disabled.remove(id);
        writeDisabled();
        statuses = seen.values().stream().map(this::currentStatus)
                .sorted(Comparator.comparing(BrainStatus::id).thenComparing(BrainStatus::file)).toList();
    }

    /** Disabled brains survive restarts in a file of the brains folder (not PF4J's disabled.txt, which would refuse the jar). */
    private Path disabledFile() {
        return pf4j.root().resolve(DISABLED_FILE);
    }

    private Set<String> readDisabled() {
        try {
            if (Files.isRegularFile(disabledFile())) {
                return Files.readAllLines(disabledFile()).stream().map(String::trim)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
            }
        } catch (IOException e) {
            log.warn("Cannot read {}: {}", disabledFile(), e.getMessage());
        }
        return Set.of();
    }

    private void writeDisabled() {
        try {
            Files.createDirectories(pf4j.root());
            List<String> lines = new ArrayList<>();
            lines.add("# Brains disabled by a platform admin (one id per line); managed by the platform console.");
            disabled.stream().sorted().forEach(lines::add);
            Files.write(disabledFile(), lines);
        } catch (IOException e) {
            log.warn("Cannot save the disabled brains in {} (kept until restart): {}", disabledFile(), e.getMessage());
        }
    }

    private BrainStatus currentStatus(Seen s) {
        BrainStatus status = s.status();
        if (status.state() == BrainState.LOADED && disabled.contains(status.id())) {
            return status.withState(BrainState.DISABLED, status.since());
        }
        return status;
    }

    private Map<Path, Fingerprint> listJars() {
        Path dir = pf4j.root();
        Map<Path, Fingerprint> jars = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return jars;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path jar : stream) {
                try {
                    if (Files.isRegularFile(jar)) {
                        jars.put(jar.toAbsolutePath().normalize(),
                                new Fingerprint(Files.size(jar), Files.getLastModifiedTime(jar).toMillis()));
                    }
                } catch (IOException e) {
                    log.debug("{} vanished while scanning", jar);
                }
            }
        } catch (IOException e) {
            log.warn("Cannot read the brains folder {}: {}", dir, e.getMessage());
        }
        return jars;
    }

    private Optional<String> unload(Path jar, Seen previous) {
        seen.remove(jar);
        String pluginId = previous.pluginId();
        if (pluginId == null) {
            return Optional.empty();
        }
        loaded.remove(pluginId);
        try {
            pf4j.unloadPlugin(pluginId);
        } catch (RuntimeException e) {
            log.warn("Unloading brain {} failed: {}", pluginId, e.toString());
        }
        log.info("Brain {} unloaded ({})", pluginId, jar.getFileName());
        return Optional.of(pluginId);
    }

    private Seen load(Path jar, Fingerprint fingerprint) {
        String file = jar.getFileName().toString();
        Manifest manifest;
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            manifest = jarFile.getManifest();
        } catch (IOException | SecurityException e) {
            return refused(fingerprint, file, "", file, Refusal.of(
                    "archive illisible (zip corrompu ou tronqué) : " + e.getMessage(),
                    "unreadable archive (corrupt or truncated zip): " + e.getMessage()));
        }
        Attributes attributes = manifest == null ? new Attributes() : manifest.getMainAttributes();
        String id = trim(attributes.getValue("Plugin-Id"));
        String version = trim(attributes.getValue("Plugin-Version"));
        String requires = trim(attributes.getValue("Plugin-Requires"));
        if (manifest == null || id.isEmpty()) {
            return refused(fingerprint, file, "", file, Refusal.of(
                    "manifeste PF4J absent : l'entrée Plugin-Id manque dans META-INF/MANIFEST.MF",
                    "missing PF4J manifest: no Plugin-Id entry in META-INF/MANIFEST.MF"));
        }
        if (!PLUGIN_ID.matcher(id).matches()) {
            return refused(fingerprint, id, version, file, Refusal.of(
                    "Plugin-Id illégal « " + id + " » : attendu [a-z][a-z0-9_-]*",
                    "illegal Plugin-Id '" + id + "': expected [a-z][a-z0-9_-]*"));
        }
        if (version.isEmpty() || !validVersion(version)) {
            return refused(fingerprint, id, version, file, Refusal.of(
                    "Plugin-Version absent ou non sémantique « " + version + " » (ex. 1.0.0)",
                    "missing or non-semantic Plugin-Version '" + version + "' (e.g. 1.0.0)"));
        }
        Optional<Refusal> incompatible = checkRequires(requires);
        if (incompatible.isPresent()) {
            return refused(fingerprint, id, version, file, incompatible.get());
        }
        LoadedBrain other = loaded.get(id);
        if (other != null || pf4j.getPlugin(id) != null) {
            String owner = seen.entrySet().stream().filter(e -> id.equals(e.getValue().pluginId()))
                    .map(e -> e.getKey().getFileName().toString()).findFirst().orElse("?");
            return refused(fingerprint, id, version, file, Refusal.of(
                    "identifiant en double : le cerveau « " + id + " » est déjà chargé depuis " + owner,
                    "duplicate id: brain '" + id + "' is already loaded from " + owner));
        }

        String pluginId;
        try {
            pluginId = pf4j.loadPlugin(jar);
        } catch (Throwable e) {
            rethrowIfFatal(e);
            return refused(fingerprint, id, version, file, Refusal.of(
                    "PF4J n'a pas pu charger le jar : " + describe(e), "PF4J could not load the jar: " + describe(e)));
        }
        Optional<Refusal> problem = startAndRead(pluginId, id, jar);
        if (problem.isPresent()) {
            discard(pluginId);
            return refused(fingerprint, id, version, file, problem.get());
        }
        LoadedBrain brain = loaded.get(id);
        log.info("Brain {} {} loaded from {}", id, version, file);
        return new Seen(fingerprint, pluginId, new BrainStatus(id, version, file, BrainState.LOADED, "", "",
                brain.contributions().name().fr(), clock.instant()));
    }

    /** Starts the plugin, gets its one Brain extension and its contributions, validates them; registers on success. */
    private Optional<Refusal> startAndRead(String pluginId, String id, Path jar) {
        BrainContributions contributions;
        String version;
        String provider;
        Future<BrainContributions> future = null;
        try {
            future = loader.submit(() -> {
                PluginState state = pf4j.startPlugin(pluginId);
                PluginWrapper wrapper = pf4j.getPlugin(pluginId);
                if (state != PluginState.STARTED) {
                    Throwable failure = wrapper == null ? null : wrapper.getFailedException();
                    throw new BrainRefusedException(Refusal.of(
                            "le plugin n'a pas démarré (état " + state + ")" + (failure == null ? "" : " : " + describe(failure)),
                            "the plugin did not start (state " + state + ")" + (failure == null ? "" : ": " + describe(failure))));
                }
                List<Brain> brains = pf4j.getExtensions(Brain.class, pluginId);
                if (brains.isEmpty()) {
                    // PF4J logs and swallows a failing constructor: find the cause to show it
                    for (Class<? extends Brain> type : pf4j.getExtensionClasses(Brain.class, pluginId)) {
                        try {
                            type.getDeclaredConstructor().newInstance();
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            Throwable cause = e.getCause() == null ? e : e.getCause();
                            throw new BrainRefusedException(Refusal.of(
                                    "l'extension " + type.getSimpleName() + " n'a pas pu être créée : " + describe(cause),
                                    "extension " + type.getSimpleName() + " could not be created: " + describe(cause)));
                        } catch (ReflectiveOperationException e) {
                            throw new BrainRefusedException(Refusal.of(
                                    "l'extension " + type.getSimpleName() + " n'a pas de constructeur public sans argument",
                                    "extension " + type.getSimpleName() + " has no public no-argument constructor"));
                        }
                    }
                }
                if (brains.size() != 1) {
                    throw new BrainRefusedException(Refusal.of(
                            brains.size() + " extension(s) Brain trouvée(s) au lieu d'une : vérifier @Extension et "
                                    + "META-INF/extensions.idx (processeur d'annotations PF4J)",
                            brains.size() + " Brain extension(s) found instead of one: check @Extension and "
                                    + "META-INF/extensions.idx (PF4J annotation processor)"));
                }
                BrainContributions c = brains.getFirst().contribute(new HostContext(PluginsApi.VERSION, id));
                if (c == null) {
                    throw new BrainRefusedException(Refusal.of("contribute() a renvoyé null", "contribute() returned null"));
                }
                return c;
            });
            contributions = future.get(properties.loadTimeout().toMillis(), TimeUnit.MILLISECONDS);
            PluginWrapper wrapper = pf4j.getPlugin(pluginId);
            version = wrapper.getDescriptor().getVersion();
            provider = trim(wrapper.getDescriptor().getProvider());
        } catch (TimeoutException e) {
            future.cancel(true);
            return Optional.of(Refusal.of(
                    "le cerveau n'a pas rendu ses contributions en " + readable(properties.loadTimeout()),
                    "the brain did not hand over its contributions within " + readable(properties.loadTimeout())));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof BrainRefusedException refused) {
                return Optional.of(refused.refusal);
            }
            rethrowIfFatal(cause);
            log.warn("Brain {} threw while loading", id, cause);
            return Optional.of(Refusal.of("le cerveau a levé une exception : " + describe(cause),
                    "the brain threw an exception: " + describe(cause)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(Refusal.of("chargement interrompu", "loading interrupted"));
        }
        List<ContributionRules.Violation> violations = ContributionRules.check(contributions);
        if (!violations.isEmpty()) {
            String more = violations.size() > MAX_REASONS ? " (+" + (violations.size() - MAX_REASONS) + ")" : "";
            return Optional.of(Refusal.of(
                    "contributions invalides : " + violations.stream().limit(MAX_REASONS)
                            .map(v -> v.where() + " : " + v.fr()).collect(Collectors.joining(" ; ")) + more,
                    "invalid contributions: " + violations.stream().limit(MAX_REASONS)
                            .map(v -> v.where() + ": " + v.en()).collect(Collectors.joining("; ")) + more));
        }
        Map<String, String> workflows = new LinkedHashMap<>();
        for (Scenario scenario : contributions.scenarios()) {
            if (!scenario.n8nWorkflowResource().isEmpty()) {
                String at = "scenarios[" + scenario.id() + "].n8nWorkflowResource";
                Optional<Refusal> bad = readWorkflow(pluginId, scenario.n8nWorkflowResource(), at, workflows, scenario.id());
                if (bad.isPresent()) {
                    return bad;
                }
            }
        }
        loaded.put(id, new LoadedBrain(id, version, provider, contributions, workflows));
        return Optional.empty();
    }

    /** A workflow file the brain ships (custom nodes): read from its own jar, kept as text, checked now. */
    private Optional<Refusal> readWorkflow(String pluginId, String path, String at, Map<String, String> into,
                                           String scenarioId) {
        ClassLoader jar = pf4j.getPlugin(pluginId).getPluginClassLoader();
        try (var in = jar.getResourceAsStream(path)) {
            if (in == null) {
                return Optional.of(Refusal.of(at + " : fichier « " + path + " » absent du jar",
                        at + ": file '" + path + "' is not in the jar"));
            }
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            var problem = N8nWorkflowFile.problem(text);
            if (problem.isPresent()) {
                return Optional.of(Refusal.of(at + " : « " + path + " » n'est pas un workflow n8n (" + problem.get() + ")",
                        at + ": '" + path + "' is not an n8n workflow (" + problem.get() + ")"));
            }
            into.put(scenarioId, text);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(Refusal.of(at + " : lecture impossible : " + describe(e), at + ": cannot read: " + describe(e)));
        }
    }

    private Optional<Refusal> checkRequires(String requires) {
        if (requires.isEmpty() || "*".equals(requires)) {
            return Optional.of(Refusal.of(
                    "Plugin-Requires manquant : indiquer la plage d'API acceptée, ex. >=1.0.0 & <2.0.0",
                    "missing Plugin-Requires: state the accepted API range, e.g. >=1.0.0 & <2.0.0"));
        }
        boolean ok;
        try {
            ok = versions.checkVersionConstraint(PluginsApi.VERSION, requires);
        } catch (RuntimeException e) {
            return Optional.of(Refusal.of("Plugin-Requires illisible « " + requires + " » : " + e.getMessage(),
                    "unreadable Plugin-Requires '" + requires + "': " + e.getMessage()));
        }
        if (!ok) {
            return Optional.of(Refusal.of(
                    "Plugin-Requires « " + requires + " » incompatible avec l'API des cerveaux " + PluginsApi.VERSION,
                    "Plugin-Requires '" + requires + "' is incompatible with brain API " + PluginsApi.VERSION));
        }
        return Optional.empty();
    }

    private boolean validVersion(String version) {
        try {
            versions.compareVersions(version, "0.0.0");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void discard(String pluginId) {
        try {
            pf4j.unloadPlugin(pluginId);
        } catch (Throwable e) {
            rethrowIfFatal(e);
            log.warn("Could not unload refused plugin {}: {}", pluginId, e.toString());
        }
    }

    private Seen refused(Fingerprint fingerprint, String id, String version, String file, Refusal refusal) {
        log.warn("Brain jar {} refused: {}", file, refusal.fr());
        return new Seen(fingerprint, null, BrainStatus.refused(id, version, file, refusal, clock.instant()));
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " — " + message);
    }

    private static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError error) {
            throw error;
        }
    }

    private static String readable(java.time.Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    private record Fingerprint(long size, long modified) {
    }

    private record Seen(Fingerprint fingerprint, String pluginId, BrainStatus status) {
    }

    private record HostContext(String apiVersion, String brainId) implements BrainContext {
    }

    private static final class BrainRefusedException extends RuntimeException {
        private final transient Refusal refusal;

        BrainRefusedException(Refusal refusal) {
            super(refusal.en(), null, false, false);
            this.refusal = refusal;
        }
    }

    /** PF4J on one root folder, knowing the host's API version. Loading is driven by {@link BrainManager}. */
    static final class HostPluginManager extends DefaultPluginManager {

        HostPluginManager(Path root) {
            super(root);
            setSystemVersion(PluginsApi.VERSION);
        }

        Path root() {
            return pluginsRoots.getFirst();
        }

        /** Brains are jars with a manifest: skip PF4J's plugin.properties lookup (a zip file system per load). */
        @Override
        protected PluginDescriptorFinder createPluginDescriptorFinder() {
            return new ManifestPluginDescriptorFinder();
        }

        @Override
        protected PluginLoader createPluginLoader() {
            return new JarPluginLoader(this);
        }

        /**
         * Extensions come from plugin jars only. PF4J's default finder also re-reads every
         * {@code META-INF/extensions.idx} and service file of the host's class path after each plugin state change,
         * which is most of the cost of a load in a Spring Boot application with a long class path.
         */
        @Override
        protected ExtensionFinder createExtensionFinder() {
            LegacyExtensionFinder finder = new LegacyExtensionFinder(this) {
                @Override
                public Map<String, Set<String>> readClasspathStorages() {
                    return new LinkedHashMap<>();
                }
            };
            addPluginStateListener(finder);
            return finder;
        }
    }

    /** For tests and the benchmark: the live list of loaded plugin ids in PF4J itself. */
    List<String> pf4jPluginIds() {
        return new ArrayList<>(pf4j.getPlugins().stream().map(PluginWrapper::getPluginId).toList());
    }
}
