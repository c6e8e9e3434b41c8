package fr.macrea.max.brain;

import fr.macrea.max.plugins.api.PluginsApi;
import fr.macrea.max.shared.Message;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of brains: loads every jar of {@code max.brains.dir} at start and, every
 * {@code max.brains.scan-interval}, loads a dropped jar, reloads a replaced one and unloads a removed one, without
 * restart ({@link BrainFolder}). Each jar is checked before any of its code runs ({@link BrainJarCheck}), then
 * loaded and validated ({@link BrainLoader}); a refused jar keeps a precise reason for the console.
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
    private final BrainLoader loader;
    private final BrainJarCheck check;

    /** Per jar path: the copy seen last time (to notice replacements), its PF4J id if loaded, and its status. */
    private final Map<Path, Seen> seen = new HashMap<>();
    private final Map<String, LoadedBrain> loaded = new ConcurrentHashMap<>();
    private volatile Set<String> disabled = Set.of();
    private volatile List<BrainStatus> statuses = List.of();

    public BrainManager(BrainProperties properties, Clock clock, ApplicationEventPublisher events,
                        BrainSwitches switches) {
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.switches = switches;
        Path root = properties.dir().toAbsolutePath().normalize();
        this.folder = new BrainFolder(root);
        this.loader = new BrainLoader(new HostPluginManager(root), properties.loadTimeout());
        this.check = new BrainJarCheck(properties.trust());
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
        loaded.clear();
        seen.clear();
        statuses = List.of();
        loader.shutdown();
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
        String pluginId = previous.pluginId();
        if (pluginId == null) {
            return Optional.empty();
        }
        loaded.remove(pluginId);
        loader.unload(pluginId);
        log.info("Brain {} unloaded ({})", pluginId, jar.getFileName());
        return Optional.of(pluginId);
    }

    private Seen load(Path jar, BrainFolder.Fingerprint fingerprint) {
        String file = jar.getFileName().toString();
        BrainJarCheck.Result checked = check.check(jar);
        if (!checked.acceptable()) {
            return refused(fingerprint, checked.id(), checked.version(), file, checked.refusal());
        }
        String id = checked.id();
        if (loaded.containsKey(id) || loader.knows(id)) {
            String owner = seen.entrySet().stream().filter(e -> id.equals(e.getValue().pluginId()))
                    .map(e -> e.getKey().getFileName().toString()).findFirst().orElse("?");
            return refused(fingerprint, id, checked.version(), file,
                    Message.of("brain.refused.duplicate-id", id, owner));
        }
        BrainLoader.Outcome outcome = loader.load(jar, id);
        if (outcome.refusal() != null) {
            return refused(fingerprint, id, checked.version(), file, outcome.refusal());
        }
        LoadedBrain brain = outcome.brain();
        loaded.put(id, brain);
        log.info("Brain {} {} loaded from {} (API {})", id, brain.version(), file, PluginsApi.VERSION);
        return new Seen(fingerprint, outcome.pluginId(), new BrainStatus(id, brain.version(), file, BrainState.LOADED,
                null, brain.contributions().name().fr(), clock.instant()));
    }

    private Seen refused(BrainFolder.Fingerprint fingerprint, String id, String version, String file,
                         Message reason) {
        log.warn("Brain jar {} refused: {}", file, reason);
        return new Seen(fingerprint, null, BrainStatus.refused(id, version, file, reason, clock.instant()));
    }

    private static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }

    private record Seen(BrainFolder.Fingerprint fingerprint, String pluginId, BrainStatus status) {
    }

    /** For tests and the benchmark: the live list of loaded plugin ids in PF4J itself. */
    List<String> pf4jPluginIds() {
        return List.copyOf(loader.pluginIds());
    }
}
