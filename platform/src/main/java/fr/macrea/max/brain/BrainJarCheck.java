package fr.macrea.max.brain;

import fr.macrea.max.plugins.api.PluginsApi;
import fr.macrea.max.shared.Message;
import org.pf4j.DefaultVersionManager;
import org.pf4j.VersionManager;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * What can be checked of a brain jar before any of its code is loaded: a readable zip, a PF4J manifest, a legal
 * {@code Plugin-Id}, a semantic {@code Plugin-Version}, a {@code Plugin-Requires} range that accepts this host's
 * plugins-api {@value PluginsApi#VERSION}.
 */
final class BrainJarCheck {

    private static final Pattern PLUGIN_ID = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final VersionManager VERSIONS = new DefaultVersionManager();

    private final BrainProperties.Trust trust;

    BrainJarCheck(BrainProperties.Trust trust) {
        this.trust = trust;
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
        Manifest manifest;
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            manifest = jarFile.getManifest();
        } catch (IOException | SecurityException e) {
            return new Result(file, "", Message.of("brain.refused.unreadable-archive", String.valueOf(e.getMessage())));
        }
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
        return new Result(id, version, requiresProblem(requires));
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
