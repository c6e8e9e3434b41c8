package fr.macrea.max.brain;

import fr.macrea.max.shared.Message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a brain jar with bounded streams, never trusting the sizes the zip declares: at most {@code maxEntries}
 * entries, each at most {@code maxEntrySize} once inflated ({@code META-INF/extensions.idx} at most
 * {@code maxIndexSize}), all together at most {@code maxTotalSize}. A zip bomb is refused after reading one byte
 * past a limit, with flat memory.
 * <p>
 * The JDK's {@link JarFile} reads the manifest and the signature files by itself and trusts their declared sizes,
 * so those few {@code META-INF/} entries are first drained through the same bounds; then one verifying pass reads
 * every entry in full (which is what makes {@code JarFile} check each entry's digest against the signature), hands
 * the class files to the caller and records who signed each entry.
 */
final class BrainJarReader {

    static final String INDEX = "META-INF/extensions.idx";
    private static final int BUFFER = 8192;

    record Limits(int maxEntries, long maxEntrySize, long maxTotalSize, long maxIndexSize) {
    }

    /** Receives each class file of the jar, fully read. */
    interface ClassSink {
        void accept(String entry, byte[] bytes);
    }

    /**
     * What was read. {@code signers}: the fingerprints of the certificates that signed every signed entry (empty
     * when nothing is signed); {@code unsignedEntry}: an entry that is not signed by all of them, null when the jar is
     * uniformly signed or uniformly unsigned; {@code signatureFiles}: whether the jar carries signature files.
     */
    record Content(Manifest manifest, Set<String> signers, String unsignedEntry, boolean signatureFiles) {
    }

    /** A refusal found while reading; the message says which limit or which entry. */
    static final class RefusedException extends Exception {
        private final transient Message reason;

        RefusedException(Message reason) {
            super(reason.toString(), null, false, false);
            this.reason = reason;
        }

        Message reason() {
            return reason;
        }
    }

    private final Limits limits;

    BrainJarReader(Limits limits) {
        this.limits = limits;
    }

    Content read(Path jar, ClassSink classes) throws IOException, RefusedException {
        boolean signatureFiles = drainMetaInf(jar);
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            Manifest manifest = file.getManifest();
            Set<String> common = null;
            String firstUnsigned = null;
            String firstDisjoint = null;
            boolean anySigned = false;
            long total = 0;
            int count = 0;
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (++count > limits.maxEntries()) {
                    throw new RefusedException(Message.of("brain.refused.too-many-entries", limits.maxEntries()));
                }
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                ByteArrayOutputStream bytes = name.endsWith(".class") ? new ByteArrayOutputStream() : null;
                try (InputStream in = file.getInputStream(entry)) {
                    total += read(in, name, limits.maxTotalSize() - total, bytes);
                } catch (SecurityException e) {
                    // a digest that does not match the signed manifest: the entry changed after signing
                    throw new RefusedException(Message.of("brain.refused.bad-signature", name,
                            String.valueOf(e.getMessage())));
                }
                if (bytes != null) {
                    classes.accept(name, bytes.toByteArray());
                }
                if (signatureRelated(name)) {
                    continue;
                }
                // known only now that the entry was read to its end
                Set<String> signers = fingerprints(entry.getCodeSigners());
                anySigned |= !signers.isEmpty();
                if (signers.isEmpty() && firstUnsigned == null) {
                    firstUnsigned = name;
                }
                if (common == null) {
                    common = signers;
                } else {
                    common.retainAll(signers);
                }
                if (common.isEmpty() && !signers.isEmpty() && firstDisjoint == null) {
                    firstDisjoint = name;
                }
            }
            if (!anySigned) {
                return new Content(manifest, Set.of(), null, signatureFiles);
            }
            String partial = firstUnsigned != null ? firstUnsigned : common.isEmpty() ? firstDisjoint : null;
            return new Content(manifest, partial == null ? Set.copyOf(common) : Set.of(), partial, signatureFiles);
        }
    }

    /**
     * Drains every {@code META-INF/} entry through the bounds before {@link JarFile} reads any of them by itself, and
     * refuses an entry name present twice. Returns whether the jar has signature files.
     */
    private boolean drainMetaInf(Path jar) throws IOException, RefusedException {
        boolean signatureFiles = false;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                throw new RefusedException(Message.of("brain.refused.too-many-entries", limits.maxEntries()));
            }
            long total = 0;
            Set<String> names = new HashSet<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!names.add(name)) {
                    // which copy a class loader would read is not defined: never guess
                    throw new RefusedException(Message.of("brain.refused.duplicate-entry", name));
                }
                if (entry.isDirectory() || !name.toUpperCase(Locale.ROOT).startsWith("META-INF/")) {
                    continue;
                }
                signatureFiles |= signatureRelated(name) && !name.equalsIgnoreCase(JarFile.MANIFEST_NAME);
                try (InputStream in = zip.getInputStream(entry)) {
                    total += read(in, name, limits.maxTotalSize() - total, null);
                }
            }
        }
        return signatureFiles;
    }

    /**
     * Reads one entry through its bounds, keeping the bytes in {@code keep} when given; returns how many were read.
     * Never reads more than one buffer past a limit, whatever the zip declares.
     */
    private long read(InputStream in, String name, long totalLeft, ByteArrayOutputStream keep)
            throws IOException, RefusedException {
        boolean index = name.equals(INDEX);
        long entryLimit = index ? limits.maxIndexSize() : limits.maxEntrySize();
        byte[] buffer = new byte[BUFFER];
        long count = 0;
        int n;
        while ((n = in.read(buffer, 0, (int) Math.min(BUFFER, entryLimit + 1 - count))) > 0) {
            count += n;
            if (count > entryLimit) {
                throw new RefusedException(index
                        ? Message.of("brain.refused.index-too-large", name, limits.maxIndexSize())
                        : Message.of("brain.refused.entry-too-large", name, limits.maxEntrySize()));
            }
            if (count > totalLeft) {
                throw new RefusedException(Message.of("brain.refused.total-too-large", limits.maxTotalSize()));
            }
            if (keep != null) {
                keep.write(buffer, 0, n);
            }
        }
        return count;
    }

    /** The manifest and the signature files, which a signature does not cover (as {@code jarsigner} defines them). */
    static boolean signatureRelated(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        String file = upper.substring("META-INF/".length());
        return file.equals("MANIFEST.MF") || file.startsWith("SIG-") || file.endsWith(".SF")
                || file.endsWith(".RSA") || file.endsWith(".DSA") || file.endsWith(".EC");
    }

    private static Set<String> fingerprints(CodeSigner[] signers) {
        Set<String> result = new TreeSet<>();
        if (signers != null) {
            for (CodeSigner signer : signers) {
                result.add(fingerprint(signer.getSignerCertPath().getCertificates().getFirst()));
            }
        }
        return result;
    }

    /** SHA-256 of the certificate's encoding, lowercase hex: what {@code keytool -list -v} shows as SHA256. */
    static String fingerprint(Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }
}
