package fr.macrea.max.brain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * The certificates whose signature makes a brain jar trusted: a PKCS12 (or JKS) truststore set by the operator
 * ({@code max.brains.trust.truststore}), or the built-in one on the platform's class path, which holds the
 * development signer of the five built-in brains ({@code brains/signing/}). A jar is trusted when the certificate
 * that signed it is one of these, compared by SHA-256 fingerprint (the truststore holds the signing certificates
 * themselves, not authorities). Read at the first signed jar and kept once it could be read, so that an operator
 * who fixes a broken truststore needs no restart.
 */
final class BrainTruststore {

    static final String BUILT_IN = "brains-truststore.p12";
    /** Integrity password of the built-in truststore: public, like the certificate it holds. */
    private static final char[] BUILT_IN_PASSWORD = "max-brains".toCharArray();

    private final Path path;
    private final char[] password;
    private volatile Set<String> fingerprints;

    /** {@code path} null: the built-in truststore. */
    BrainTruststore(Path path, String password) {
        this.path = path;
        this.password = path == null ? BUILT_IN_PASSWORD : password == null ? null : password.toCharArray();
    }

    boolean builtIn() {
        return path == null;
    }

    /** Where it is read from, for messages. */
    String location() {
        return path == null ? "classpath:fr/macrea/max/brain/" + BUILT_IN : path.toString();
    }

    /** The SHA-256 fingerprints (lowercase hex) of every certificate of the truststore. */
    Set<String> fingerprints() throws IOException, GeneralSecurityException {
        Set<String> known = fingerprints;
        if (known == null) {
            known = Set.copyOf(read());
            fingerprints = known;
        }
        return known;
    }

    private Set<String> read() throws IOException, GeneralSecurityException {
        KeyStore store;
        if (path == null) {
            try (InputStream in = BrainTruststore.class.getResourceAsStream(BUILT_IN)) {
                if (in == null) {
                    throw new IOException("missing " + location());
                }
                store = KeyStore.getInstance("PKCS12");
                store.load(in, password);
            }
        } else {
            if (!Files.isRegularFile(path)) {
                throw new IOException("no such file " + path);
            }
            store = KeyStore.getInstance(path.toFile(), password);
        }
        Set<String> result = new HashSet<>();
        for (String alias : Collections.list(store.aliases())) {
            Certificate certificate = store.getCertificate(alias);
            if (certificate != null) {
                result.add(BrainJarReader.fingerprint(certificate));
            }
        }
        if (result.isEmpty()) {
            throw new GeneralSecurityException("no certificate in " + location());
        }
        return result;
    }
}
