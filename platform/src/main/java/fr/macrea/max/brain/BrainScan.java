package fr.macrea.max.brain;

import fr.macrea.max.shared.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * What one scan makes of the jars that appeared: every new jar is checked first ({@link BrainJarCheck}), then for
 * each claimed id the claims try in {@link BrainIds#order} order (signed first, then the bound copy) until one
 * loads; an id already held by a loaded brain stays with it. Ids are independent, so their inspections run in
 * parallel.
 */
final class BrainScan {

    private static final Logger log = LoggerFactory.getLogger(BrainScan.class);

    private final Function<Path, BrainJarCheck.Result> check;
    private final BrainInspector inspector;
    private final BrainIds ids;
    private final Clock clock;
    private final ExecutorService inspections;

    BrainScan(Function<Path, BrainJarCheck.Result> check, BrainInspector inspector, BrainIds ids, Clock clock,
              ExecutorService inspections) {
        this.check = check;
        this.inspector = inspector;
        this.ids = ids;
        this.clock = clock;
        this.inspections = inspections;
    }

    /** What became of a new jar: its status, and the brain with its id binding when it loaded. */
    record Settled(Path jar, BrainFolder.Fingerprint fingerprint, BrainStatus status, LoadedBrain brain,
                   BrainIds.Binding binding) {
    }


    /** @param holders the file of the loaded brain holding an id, null when none does */
    List<Settled> settle(Map<Path, BrainFolder.Fingerprint> fresh, Function<String, String> holders) {
        List<Settled> settled = new ArrayList<>();
        Map<String, List<BrainIds.Claim>> claims = new TreeMap<>();
        Map<Path, BrainJarCheck.Result> checks = new HashMap<>();
        for (Map.Entry<Path, BrainFolder.Fingerprint> e : fresh.entrySet()) {
            Path jar = e.getKey();
            String file = jar.getFileName().toString();
            BrainJarCheck.Result checked = check.apply(jar);
            if (!checked.acceptable()) {
                settled.add(refused(jar, e.getValue(), checked.id(), checked.version(), checked.refusal()));
                continue;
            }
            String sha;
            try {
                sha = BrainInspector.sha256(jar);
            } catch (IOException ex) {
                settled.add(refused(jar, e.getValue(), checked.id(), checked.version(),
                        Message.of("brain.refused.unreadable-archive", String.valueOf(ex.getMessage()))));
                continue;
            }
            checks.put(jar, checked);
            claims.computeIfAbsent(checked.id(), k -> new ArrayList<>())
                    .add(new BrainIds.Claim(jar, file, checked.signer(), sha));
        }
        List<Callable<List<Settled>>> work = new ArrayList<>();
        claims.forEach((id, group) -> {
            String holder = holders.apply(id);
            work.add(() -> settleId(id, group, checks, fresh, holder));
        });
        try {
            if (work.size() == 1) {
                settled.addAll(work.getFirst().call());
            } else {
                for (Future<List<Settled>> f : inspections.invokeAll(work)) {
                    settled.addAll(f.get());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("brain inspection failed", e);
        }
        return settled;
    }

    private List<Settled> settleId(String id, List<BrainIds.Claim> group, Map<Path, BrainJarCheck.Result> checks,
                                   Map<Path, BrainFolder.Fingerprint> fingerprints, String loadedFrom) {
        List<Settled> out = new ArrayList<>();
        BrainIds.Ordered ordered = ids.order(id, group);
        ordered.refused().forEach((claim, reason) -> out.add(refused(claim.jar(), fingerprints.get(claim.jar()), id,
                checks.get(claim.jar()).version(), reason)));
        String holder = loadedFrom;
        for (BrainIds.Claim claim : ordered.eligible()) {
            BrainJarCheck.Result checked = checks.get(claim.jar());
            BrainFolder.Fingerprint fingerprint = fingerprints.get(claim.jar());
            if (holder != null) {
                out.add(refused(claim.jar(), fingerprint, id, checked.version(),
                        Message.of("brain.refused.duplicate-id", id, holder)));
                continue;
            }
            BrainInspector.Inspected inspected = inspector.inspect(claim.jar(), id);
            if (inspected.refusal() != null) {
                out.add(refused(claim.jar(), fingerprint, id, checked.version(), inspected.refusal()));
                continue;
            }
            LoadedBrain brain = new LoadedBrain(id, checked.version(), inspected.provider(), inspected.contributions(),
                    inspected.workflowFiles());
            out.add(new Settled(claim.jar(), fingerprint, new BrainStatus(id, brain.version(), claim.file(),
                    BrainState.LOADED, null, brain.contributions().name().fr(), clock.instant()),
                    brain, new BrainIds.Binding(claim.signer(), inspected.sha256(), claim.file())));
            holder = claim.file();
            log.info("Brain {} {} contributions from {}", id, brain.version(),
                    inspected.cached() ? "the inspection cache" : "a child JVM");
        }
        return out;
    }

    private Settled refused(Path jar, BrainFolder.Fingerprint fingerprint, String id, String version, Message reason) {
        String file = jar.getFileName().toString();
        log.warn("Brain jar {} refused: {}", file, reason);
        return new Settled(jar, fingerprint, BrainStatus.refused(id, version, file, reason, clock.instant()), null, null);
    }
}
