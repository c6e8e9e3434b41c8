package fr.macrea.max.brain;

import fr.macrea.max.plugins.api.PluginsApi;
import fr.macrea.max.shared.Message;
import org.pf4j.DefaultVersionManager;
import org.pf4j.VersionManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Everything the host checks of a brain jar before any of its code runs, reading the jar once with bounded streams
 * ({@link BrainJarReader}): a readable zip within the size limits, a PF4J manifest (a legal {@code Plugin-Id}, a
 * semantic {@code Plugin-Version}, a {@code Plugin-Requires} range that accepts this host's plugins-api
 * {@value PluginsApi#VERSION}), a signature by a certificate of the truststore ({@link BrainTruststore}; unsigned
 * jars only when {@code allow-unsigned}), and code that references nothing outside the allow-list
 * ({@link BrainBytecodePolicy}).
 */
final class BrainJarCheck {

    private static final Logger log = LoggerFactory.getLogger(BrainJarCheck.class);
    private static final Pattern PLUGIN_ID = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final VersionManager VERSIONS = new DefaultVersionManager();
    /** Forbidden references named in one refusal; the rest are counted. */
    private static final int MAX_REASONS = 3;

    private final BrainProperties.Trust trust;
    private final BrainJarReader reader;
    private final BrainTruststore truststore;

    BrainJarCheck(BrainProperties.Trust trust) {
        this.trust = trust;
        this.reader = new BrainJarReader(new BrainJarReader.Limits(trust.maxEntries(),
                trust.maxEntrySize().toBytes(), trust.maxTotalSize().toBytes(), trust.maxIndexSize().toBytes()));
        this.truststore = new BrainTruststore(trust.truststore(), trust.truststorePassword());
        if (trust.allowUnsigned()) {
            log.warn("Unsigned brain jars are accepted (max.brains.trust.allow-unsigned=true): embedded default only");
        } else if (truststore.builtIn()) {
            log.warn("Brains are trusted through the built-in truststore, whose development signing key is public: "
                    + "production sets max.brains.trust.truststore to its own");
        }
    }

    /**
     * The jar's identity as far as it could be read, and why it is refused ({@code refusal} null when acceptable).
     * {@code id} is the file name when the manifest could not be read. {@code signer} identifies who signed the jar
     * (the SHA-256 fingerprint of its signing certificate, lowercase hex), null when it is unsigned.
     */
    record Result(String id, String version, Message refusal, String signer) {
        Result(String id, String version, Message refusal) {
            this(id, version, refusal, null);
        }

        boolean acceptable() {
            return refusal == null;
        }
    }

    Result check(Path jar) {
        String file = jar.getFileName().toString();
        BrainBytecodePolicy policy = new BrainBytecodePolicy();
        BrainJarReader.Content content;
        try {
            content = reader.read(jar, (entry, bytes) -> policy.add(scan(entry, bytes)));
        } catch (BrainJarReader.RefusedException e) {
            return new Result(file, "", e.reason());
        } catch (IOException | SecurityException | UncheckedIOException e) {
            return new Result(file, "", Message.of("brain.refused.unreadable-archive", String.valueOf(e.getMessage())));
        } catch (BadClassException e) {
            return new Result(file, "", Message.of("brain.refused.bad-class", e.entry, e.getMessage()));
        }
        Manifest manifest = content.manifest();
        Attributes attributes = manifest == null ? new Attributes() : manifest.getMainAttributes();
        String id = trim(attributes.getValue("Plugin-Id"));
        String version = trim(attributes.getValue("Plugin-Version"));
        String requires = trim(attributes.getValue("Plugin-Requires"));
        if (manifest == null || id.isEmpty()) {
            return new Result(file, "", Message.of("brain.refused.no-manifest"));
        }
        if (!PLUGIN_ID.matcher(id).matches()) {
            return new Result(id, version, Message.of("brain.refused.illegal-id", id));
        }
        if (version.isEmpty() || !validVersion(version)) {
            return new Result(id, version, Message.of("brain.refused.bad-version", version));
        }
        Message requiresProblem = requiresProblem(requires);
        if (requiresProblem != null) {
            return new Result(id, version, requiresProblem);
        }
        Signature signature = signature(content);
        if (signature.refusal() != null) {
            return new Result(id, version, signature.refusal());
        }
        List<BrainBytecodePolicy.Violation> violations;
        try {
            violations = policy.violations();
        } catch (RuntimeException e) { // a name the class-file API could read but not make sense of
            return new Result(id, version, Message.of("brain.refused.bad-class", "?", String.valueOf(e.getMessage())));
        }
        return new Result(id, version, forbidden(violations), signature.signer());
    }

    private record Signature(String signer, Message refusal) {
    }

    /** Tampered or partially signed: always refused. Unsigned or untrusted: refused unless allow-unsigned. */
    private Signature signature(BrainJarReader.Content content) {
        if (content.unsignedEntry() != null) {
            return new Signature(null, Message.of("brain.refused.partially-signed", content.unsignedEntry()));
        }
        if (content.signers().isEmpty()) {
            if (content.signatureFiles()) {
                // signature files that verify nothing: the JDK reads such a jar as unsigned, the host does not
                return new Signature(null, Message.of("brain.refused.empty-signature"));
            }
            return trust.allowUnsigned() ? new Signature(null, null)
                    : new Signature(null, Message.of("brain.refused.unsigned"));
        }
        Set<String> trusted;
        try {
            trusted = truststore.fingerprints();
        } catch (IOException | GeneralSecurityException e) {
            log.warn("Cannot read the brains truststore {}: {}", truststore.location(), e.toString());
            return new Signature(null, Message.of("brain.refused.truststore-unreadable", truststore.location(),
                    String.valueOf(e.getMessage())));
        }
        Optional<String> signer = content.signers().stream().filter(trusted::contains).sorted().findFirst();
        if (signer.isPresent()) {
            return new Signature(signer.get(), null);
        }
        return trust.allowUnsigned() ? new Signature(null, null) : new Signature(null,
                Message.of("brain.refused.untrusted-signer", content.signers().stream().sorted().findFirst().orElseThrow()));
    }

    private static BrainClassScan scan(String entry, byte[] bytes) {
        try {
            return BrainClassScan.of(bytes);
        } catch (RuntimeException e) { // the class-file API says "malformed" with unchecked exceptions
            throw new BadClassException(entry, e);
        }
    }

    /** The first few forbidden references, the others counted: "(+N)". */
    private static Message forbidden(List<BrainBytecodePolicy.Violation> violations) {
        if (violations.isEmpty()) {
            return null;
        }
        BrainBytecodePolicy.Violation first = violations.getFirst();
        String others = violations.stream().skip(1).limit(MAX_REASONS - 1L)
                .map(v -> "; " + v.brainClass() + " → " + v.reference()).collect(Collectors.joining());
        if (violations.size() > MAX_REASONS) {
            others += " (+" + (violations.size() - MAX_REASONS) + ")";
        }
        return Message.of("brain.refused.forbidden-reference", first.brainClass(), first.reference(), others);
    }

    private static final class BadClassException extends RuntimeException {
        private final String entry;

        BadClassException(String entry, RuntimeException cause) {
            super(String.valueOf(cause.getMessage()), cause, false, false);
            this.entry = entry;
        }
    }

    private static Message requiresProblem(String requires) {
        if (requires.isEmpty() || "*".equals(requires)) {
            return Message.of("brain.refused.no-requires");
        }
        boolean ok;
        try {
            ok = VERSIONS.checkVersionConstraint(PluginsApi.VERSION, requires);
        } catch (RuntimeException e) {
            return Message.of("brain.refused.unreadable-requires", requires, String.valueOf(e.getMessage()));
        }
        return ok ? null : Message.of("brain.refused.incompatible-requires", requires, PluginsApi.VERSION);
    }

    private static boolean validVersion(String version) {
        try {
            VERSIONS.compareVersions(version, "0.0.0");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
