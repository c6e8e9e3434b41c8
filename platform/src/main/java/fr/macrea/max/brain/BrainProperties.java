package fr.macrea.max.brain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where brains come from and how far the host trusts them.
 *
 * @param dir          the folder holding the brain jars ({@code brain-<id>-<version>.jar}); a missing folder is fine
 *                     (no brain until it appears)
 * @param scanInterval how often the folder is re-read for dropped, replaced or removed jars
 * @param watch        whether to re-read the folder at all (tests drive {@link BrainManager#rescan()} themselves)
 * @param loadTimeout  how long the child JVM inspecting a jar may run before it is killed and the jar refused
 * @param trust        which jars the host accepts before any of their code runs (signatures, reading limits)
 * @param inspection   how a jar's contributions are obtained without running its code in the server
 */
@ConfigurationProperties("max.brains")
public record BrainProperties(@DefaultValue("./data/brains") Path dir,
                              @DefaultValue("2s") Duration scanInterval,
                              @DefaultValue("true") boolean watch,
                              @DefaultValue("10s") Duration loadTimeout,
                              @DefaultValue Trust trust,
                              @DefaultValue Inspection inspection) {

    /** The defaults of {@link Trust} and {@link Inspection}, for tests and benchmarks that build a manager by hand. */
    public static BrainProperties of(Path dir, Duration scanInterval, boolean watch, Duration loadTimeout) {
        return new BrainProperties(dir, scanInterval, watch, loadTimeout, Trust.defaults(), Inspection.defaults());
    }

    /**
     * Which jars are accepted before any of their code runs (docs/plugins.md, "What the host checks before a brain
     * runs").
     *
     * @param allowUnsigned      accept jars that no certificate of the truststore signed, as unsigned (the embedded
     *                           default of {@code ./max run} only; a tampered or partially signed jar is refused anyway)
     * @param truststore         the PKCS12 (or JKS) file holding the certificates that sign trusted brains; null: the
     *                           built-in one, which trusts the development signer of the built-in brains
     * @param truststorePassword the truststore's password (null: none)
     * @param maxEntries         at most this many entries in a jar
     * @param maxEntrySize       at most this many bytes in one entry, once inflated
     * @param maxTotalSize       at most this many bytes in the whole jar, once inflated
     * @param maxIndexSize       at most this many bytes in {@code META-INF/extensions.idx}, once inflated
     */
    public record Trust(@DefaultValue("false") boolean allowUnsigned,
                        Path truststore,
                        String truststorePassword,
                        @DefaultValue("4096") int maxEntries,
                        @DefaultValue("4MB") DataSize maxEntrySize,
                        @DefaultValue("32MB") DataSize maxTotalSize,
                        @DefaultValue("64KB") DataSize maxIndexSize) {
        public static Trust defaults() {
            return new Trust(false, null, null, 4096, DataSize.ofMegabytes(4), DataSize.ofMegabytes(32),
                    DataSize.ofKilobytes(64));
        }

        /** These settings with unsigned jars accepted or not. */
        public Trust withAllowUnsigned(boolean allow) {
            return new Trust(allow, truststore, truststorePassword, maxEntries, maxEntrySize, maxTotalSize,
                    maxIndexSize);
        }
    }

    /**
     * How contributions are obtained from a jar: its {@code contribute()} runs once per jar version in a short-lived
     * child JVM, never in the server; what it answered is cached.
     *
     * @param cacheDir       where inspected contributions, refusals, id bindings and the child's runtime are kept
     *                       (null: {@code <dir>/.inspected})
     * @param heapMb         the child JVM's maximum heap, in MiB
     * @param maxOutputBytes the most the host reads of the child's report; beyond, the child is killed and the jar
     *                       refused
     * @param parallelism    how many children may run at once during a scan (jars with different ids)
     */
    public record Inspection(Path cacheDir,
                             @DefaultValue("64") int heapMb,
                             @DefaultValue("8388608") int maxOutputBytes,
                             @DefaultValue("2") int parallelism) {
        public static Inspection defaults() {
            return new Inspection(null, 64, 8 * 1024 * 1024, 2);
        }

        /** The cache folder for a brains folder {@code dir}. */
        public Path cacheDirFor(Path dir) {
            return cacheDir != null ? cacheDir : dir.resolve(".inspected");
        }
    }
}
