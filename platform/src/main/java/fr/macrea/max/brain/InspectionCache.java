package fr.macrea.max.brain;

import fr.macrea.max.plugins.api.PluginsApi;
import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * What the inspection child answered for a jar, kept by the jar's SHA-256, the plugins-api version and the
 * inspector's format, so that a restart with unchanged jars starts no child: either the child's report (the
 * contributions as JSON, validated again by the host at each load) or the refusal with its reason, so that a
 * refused jar stays quarantined until the file changes. Delete an entry to have a jar inspected again.
 */
final class InspectionCache {

    /** Bumped whenever what is stored, or how a report is read, changes. */
    static final int FORMAT = 1;

    private static final Logger log = LoggerFactory.getLogger(InspectionCache.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dir;

    InspectionCache(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** A cached answer: a report (JSON text) or a refusal. */
    record Entry(String report, Message refusal) {
    }

    Optional<Entry> read(String sha256) {
        Path file = file(sha256);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(Files.readString(file));
            if (node.hasNonNull("refusal")) {
                Message refusal = StoredMessage.fromMap(JSON.convertValue(node.get("refusal"), java.util.Map.class));
                return refusal == null ? Optional.empty() : Optional.of(new Entry(null, refusal));
            }
            return node.hasNonNull("report") ? Optional.of(new Entry(node.get("report").toString(), null))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.warn("Unreadable inspection cache entry {} (inspected again): {}", file, e.toString());
            return Optional.empty();
        }
    }

    void write(String sha256, Entry entry) {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("pluginsApi", PluginsApi.VERSION);
        node.put("sha256", sha256);
        if (entry.refusal() != null) {
            node.set("refusal", JSON.valueToTree(StoredMessage.asMap(entry.refusal())));
        } else {
            node.set("report", JSON.readTree(entry.report()));
        }
        Path file = file(sha256);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, sha256, ".part");
            Files.writeString(tmp, JSON.writeValueAsString(node));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written costs a child at the next start, nothing else
            log.warn("Cannot write the inspection cache entry {}: {}", file, e.toString());
        }
    }

    private Path file(String sha256) {
        return dir.resolve(sha256 + "-api" + PluginsApi.VERSION + "-v" + FORMAT + ".json");
    }
}
