package fr.macrea.max.brain;

import fr.macrea.max.shared.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Which jar an id belongs to, kept across restarts in {@code <cache>/brain-ids.properties}: the signer of the jar
 * that last loaded under the id (null when unsigned), its SHA-256 and its file name. A bound signed id is never
 * taken by a jar of another signer (or an unsigned one); among jars claiming the same id in one scan, signed ones
 * come first, then the bound copy, whatever the file names' order.
 */
final class BrainIds {

    private static final Logger log = LoggerFactory.getLogger(BrainIds.class);
    private static final String UNSIGNED = "-";

    private final Path file;
    private final Map<String, Binding> bindings = new HashMap<>();

    BrainIds(Path file) {
        this.file = file;
        load();
    }

    /** Who holds an id. */
    record Binding(String signer, String sha256, String file) {
        boolean signed() {
            return signer != null;
        }
    }

    /** A jar that passed its check and claims an id. */
    record Claim(Path jar, String file, String signer, String sha256) {
        boolean signed() {
            return signer != null;
        }
    }

    /** The claims of one scan for one id, in the order they may try: and those that may not, with the reason. */
    record Ordered(List<Claim> eligible, Map<Claim, Message> refused) {
    }

    synchronized Optional<Binding> of(String id) {
        return Optional.ofNullable(bindings.get(id));
    }

    Ordered order(String id, List<Claim> claims) {
        Binding bound = of(id).orElse(null);
        List<Claim> eligible = new ArrayList<>();
        Map<Claim, Message> refused = new HashMap<>();
        for (Claim claim : claims) {
            if (bound != null && bound.signed() && !bound.signer().equals(claim.signer())) {
                refused.put(claim, Message.of("brain.refused.id-bound", id, bound.file()));
            } else {
                eligible.add(claim);
            }
        }
        Optional<Claim> signed = eligible.stream().filter(Claim::signed).min(Comparator.comparing(Claim::file));
        if (signed.isPresent()) {
            // an unsigned jar never takes an id that a signed jar claims
            for (Claim claim : List.copyOf(eligible)) {
                if (!claim.signed()) {
                    eligible.remove(claim);
                    refused.put(claim, Message.of("brain.refused.id-claimed-by-signed", id, signed.get().file()));
                }
            }
        }
        eligible.sort(Comparator.comparing((Claim c) -> bound == null || !Objects.equals(bound.sha256(), c.sha256()))
                .thenComparing(c -> bound == null || !bound.file().equals(c.file()))
                .thenComparing(Claim::file));
        return new Ordered(eligible, refused);
    }

    synchronized void bind(String id, Binding binding) {
        if (binding.equals(bindings.get(id))) {
            return;
        }
        bindings.put(id, binding);
        save();
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties stored = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            stored.load(in);
        } catch (IOException e) {
            log.warn("Cannot read the brain id bindings {}: {}", file, e.toString());
            return;
        }
        stored.forEach((k, v) -> {
            String[] parts = v.toString().split("\\|", 3);
            if (parts.length == 3) {
                bindings.put(k.toString(), new Binding(UNSIGNED.equals(parts[0]) ? null : parts[0], parts[1], parts[2]));
            }
        });
    }

    private void save() {
        Properties stored = new Properties();
        bindings.forEach((id, b) -> stored.setProperty(id,
                (b.signed() ? b.signer() : UNSIGNED) + "|" + b.sha256() + "|" + b.file()));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "brain-ids", ".part");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                stored.store(out, "brain id = signer (SHA-256 of its certificate, - when unsigned)|jar SHA-256|file");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Cannot write the brain id bindings {}: {}", file, e.toString());
        }
    }
}
