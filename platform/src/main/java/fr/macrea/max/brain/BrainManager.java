package fr.macrea.max.brain;

import fr.macrea.max.plugins.api.PluginsApi;
import fr.macrea.max.shared.Message;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The registry of brains: loads every jar of {@code max.brains.dir} at start and, every
 * {@code max.brains.scan-interval}, loads a dropped jar, reloads a replaced one and unloads a removed one, without
 * restart ({@link BrainFolder}). Each jar is checked before any of its code runs ({@link BrainJarCheck}); its
 * contributions are then obtained by running its {@code contribute()} once per jar version in a short-lived child
 * JVM and validated in the server ({@link BrainInspector}): no brain code ever runs in the server's JVM. A refused
 * jar keeps a precise reason for the console, and stays refused across restarts until the file changes.
 * <p>
 * An id already held by a loaded brain, or bound to a signer, is never taken over by another jar ({@link BrainIds}):
 * at each scan every new jar is checked first, and signed jars go before unsigned ones.
 * <p>
 * Requests only ever read the immutable {@link LoadedBrain} snapshots, so a brain cannot break a request. Which
 * brains a platform admin disabled lives in the database ({@link BrainSwitches}), shared by every node: the node
 * that disables a brain applies it at once, the others at their next scan.
 */
@Component
public class BrainManager {

    private static final Logger log = LoggerFactory.getLogger(BrainManager.class);

    private final BrainProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final BrainSwitches switches;
    private final BrainFolder folder;
    private final BrainInspector inspector;
    private final BrainIds ids;
    private final ExecutorService inspections;
    private final BrainScan scan;

    /** Per jar path: the copy seen last time (to notice replacements), its id if loaded, and its status. */
    private final Map<Path, Seen> seen = new HashMap<>();
    private final Map<String, LoadedBrain> loaded = new ConcurrentHashMap<>();
    private volatile Set<String> disabled = Set.of();
    private volatile List<BrainStatus> statuses = List.of();

    @Autowired
    public BrainManager(BrainProperties properties, Clock clock, ApplicationEventPublisher events,
                        BrainSwitches switches) {
        this(properties, clock, events, switches, new BrainJarCheck(properties.trust())::check);
    }

    /** With another check, for tests that need jars with a signer. */
    BrainManager(BrainProperties properties, Clock clock, ApplicationEventPublisher events, BrainSwitches switches,
                 Function<Path, BrainJarCheck.Result> check) {
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.switches = switches;
        Path root = properties.dir().toAbsolutePath().normalize();
        Path cache = properties.inspection().cacheDirFor(root).toAbsolutePath().normalize();
        this.folder = new BrainFolder(root);
        this.inspector = new BrainInspector(cache, properties.loadTimeout(), properties.inspection());
        this.ids = new BrainIds(cache.resolve("brain-ids.properties"));
        this.inspections = Executors.newFixedThreadPool(Math.max(1, properties.inspection().parallelism()), r -> {
            Thread t = new Thread(r, "brain-inspection");
            t.setDaemon(true);
            return t;
        });
        this.scan = new BrainScan(check, inspector, ids, clock, inspections);
    }

    @PostConstruct
    void start() {
        rescan();
        if (properties.watch()) {
            folder.watch(properties.scanInterval(), this::rescan);
        }
    }

    @PreDestroy
    public synchronized void shutdown() {
        folder.stop();
        inspections.shutdownNow();
        loaded.clear();
        seen.clear();
        statuses = List.of();
    }

    /** Reads the brains folder (and the disabled brains) now and applies what changed. Returns the statuses. */
    public synchronized List<BrainStatus> rescan() {
        refreshDisabled();
        Map<Path, BrainFolder.Fingerprint> present = folder.jars();
        Set<String> unloadedIds = new HashSet<>();
        Set<String> loadedIds = new HashSet<>();
        // removed or replaced jars first, so a replacement can reuse the id
        for (Map.Entry<Path, Seen> entry : List.copyOf(seen.entrySet())) {
            BrainFolder.Fingerprint now = present.get(entry.getKey());
            if (now == null || !now.equals(entry.getValue().fingerprint())) {
                unload(entry.getKey(), entry.getValue()).ifPresent(unloadedIds::add);
            }
        }
        // a jar refused because its id was taken gets another chance once the jar holding that id is gone
        seen.values().removeIf(s -> s.loadedId() == null && s.status().state() == BrainState.REFUSED
                && unloadedIds.contains(s.status().id()));
        Map<Path, BrainFolder.Fingerprint> fresh = new TreeMap<>();
        present.forEach((jar, fingerprint) -> {
            if (!seen.containsKey(jar)) {
                fresh.put(jar, fingerprint);
            }
        });
        for (BrainScan.Settled settled : scan.settle(fresh, this::holderFile)) {
            seen.put(settled.jar(), new Seen(settled.fingerprint(), settled.brain() == null ? null : settled.brain().id(),
                    settled.status()));
            if (settled.brain() != null) {
                LoadedBrain brain = settled.brain();
                loaded.put(brain.id(), brain);
                ids.bind(brain.id(), settled.binding());
                loadedIds.add(brain.id());
                log.info("Brain {} {} loaded from {} (API {})", brain.id(), brain.version(),
                        settled.jar().getFileName(), PluginsApi.VERSION);
            }
        }
        publishStatuses();
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

    /** Whether jars no trusted certificate signed are loaded (max.brains.trust.allow-unsigned), for the console's warning. */
    public boolean allowsUnsignedBrains() {
        return properties.trust().allowUnsigned();
    }

    /** A loaded brain by id, whether or not a platform admin disabled it. */
    public Optional<LoadedBrain> find(String id) {
        return Optional.ofNullable(loaded.get(id));
    }

    /** Brains loaded and not disabled: what tenants may activate and see. */
    public List<LoadedBrain> available() {
        Set<String> off = disabled;
        return loaded.values().stream().filter(b -> !off.contains(b.id()))
                .sorted(Comparator.comparing(LoadedBrain::id)).toList();
    }

    public boolean isAvailable(String id) {
        return loaded.containsKey(id) && !disabled.contains(id);
    }

    /** Hides a brain from every tenant on every node (kept loaded; tenants' activations are kept). */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public synchronized void disable(String id) {
        switches.set(id, true, currentUser());
        refreshDisabled();
        publishStatuses();
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public synchronized void enable(String id) {
        switches.set(id, false, currentUser());
        refreshDisabled();
        publishStatuses();
    }

    private void refreshDisabled() {
        try {
            disabled = switches.disabled();
        } catch (RuntimeException e) {
            // keep the last known state rather than showing every disabled brain to tenants
            log.warn("Cannot read the disabled brains (kept as they were): {}", e.toString());
        }
    }

    private void publishStatuses() {
        Set<String> off = disabled;
        statuses = seen.values().stream()
                .map(s -> s.status().state() == BrainState.LOADED && off.contains(s.status().id())
                        ? s.status().withState(BrainState.DISABLED) : s.status())
                .sorted(Comparator.comparing(BrainStatus::id).thenComparing(BrainStatus::file)).toList();
    }

    private Optional<String> unload(Path jar, Seen previous) {
        seen.remove(jar);
        String id = previous.loadedId();
        if (id == null) {
            return Optional.empty();
        }
        loaded.remove(id);
        log.info("Brain {} unloaded ({})", id, jar.getFileName());
        return Optional.of(id);
    }

    private String holderFile(String id) {
        return !loaded.containsKey(id) ? null : seen.entrySet().stream().filter(e -> id.equals(e.getValue().loadedId()))
                .map(e -> e.getKey().getFileName().toString()).findFirst().orElse("?");
    }

    private static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }

    private record Seen(BrainFolder.Fingerprint fingerprint, String loadedId, BrainStatus status) {
    }

    /** For tests and the benchmark: how many inspection child JVMs this manager started. */
    int childrenStarted() {
        return inspector.childrenStarted();
    }
}
