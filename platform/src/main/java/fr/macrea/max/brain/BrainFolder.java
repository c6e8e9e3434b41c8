package fr.macrea.max.brain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The brains folder, for hot drop-in: the jars it holds with what identifies a copy (size, date), and a watcher
 * thread that re-reads it at a fixed interval (polling rather than a WatchService: it also works on network and
 * container file systems, and a half-copied jar simply shows a new size on the next pass).
 */
final class BrainFolder {

    private static final Logger log = LoggerFactory.getLogger(BrainFolder.class);

    private final Path dir;
    private ScheduledExecutorService watcher;

    BrainFolder(Path dir) {
        this.dir = dir;
    }

    /** What tells two copies of a jar apart. */
    record Fingerprint(long size, long modified) {
    }

    /** Every {@code *.jar} of the folder now; empty if the folder does not exist (yet). */
    Map<Path, Fingerprint> jars() {
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

    synchronized void watch(Duration every, Runnable scan) {
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "brains-watcher");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(100, every.toMillis());
        watcher.scheduleWithFixedDelay(() -> {
            try {
                scan.run();
            } catch (RuntimeException e) {
                log.error("Brains folder scan failed", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (watcher != null) {
            watcher.shutdownNow();
            watcher = null;
        }
    }
}
