package fr.macrea.max.brain;

import jdk.security.jarsigner.JarSigner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The keys test jars are signed with: the development signer committed under {@code brains/signing/} (the one the
 * build signs the built-in brains with and the built-in truststore trusts), and a foreign key of the tests' own; and
 * what an attacker does to a signed jar (change a class, add one).
 */
public final class BrainSigning {

    /** keystore, password, alias. */
    record Key(String keystore, String password, String alias) {
    }

    static final Key DEV = new Key("brains/signing/dev-brains.p12", "max-dev-brains", "max-dev-brains");
    static final Key FOREIGN = new Key("classpath:foreign-signer.p12", "foreign", "foreign");

    private BrainSigning() {
    }

    static JarSigner signer(Key key) {
        try {
            KeyStore store = load(key);
            PrivateKey privateKey = (PrivateKey) store.getKey(key.alias(), key.password().toCharArray());
            var path = CertificateFactory.getInstance("X.509")
                    .generateCertPath(List.of(store.getCertificateChain(key.alias())));
            return new JarSigner.Builder(privateKey, path).digestAlgorithm("SHA-256").signerName("MAXBRAIN").build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 fingerprint of a key's certificate, as the host reports a signer. */
    public static String fingerprint(Key key) {
        try {
            return BrainJarReader.fingerprint((X509Certificate) load(key).getCertificate(key.alias()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String devFingerprint() {
        return fingerprint(DEV);
    }

    private static KeyStore load(Key key) throws GeneralSecurityException {
        try (InputStream in = open(key.keystore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, key.password().toCharArray());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            InputStream in = BrainSigning.class.getResourceAsStream(location.substring("classpath:".length()));
            if (in == null) {
                throw new IOException("missing test resource " + location);
            }
            return in;
        }
        return Files.newInputStream(repositoryFile(location));
    }

    /**
     * The same signed jar with one class changed after signing (a byte of its code flipped, as an attacker who
     * edits a signed brain would), its signature files kept.
     */
    public static Path tamper(Path signedJar) {
        Path tmp = signedJar.resolveSibling(signedJar.getFileName() + ".tampered");
        try (ZipFile in = new ZipFile(signedJar.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            boolean changed = false;
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (!changed && entry.getName().endsWith(".class")) {
                    bytes = bytes.clone();
                    bytes[bytes.length - 1] ^= 0x01;
                    changed = true;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return BrainJars.move(tmp, signedJar);
    }

    /** The same signed jar with its signature block garbled: the JDK then reads it as if it were unsigned. */
    public static Path garbleSignatureBlock(Path signedJar) {
        Path tmp = signedJar.resolveSibling(signedJar.getFileName() + ".garbled");
        try (ZipFile in = new ZipFile(signedJar.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().endsWith(".RSA")) {
                    bytes = new byte[bytes.length];
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return BrainJars.move(tmp, signedJar);
    }

    /** The same signed jar with one more class, unsigned, added after signing. */
    public static Path addUnsignedClass(Path signedJar, String entryName, byte[] bytes) {
        Path tmp = signedJar.resolveSibling(signedJar.getFileName() + ".added");
        try (ZipFile in = new ZipFile(signedJar.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(in.getInputStream(entry).readAllBytes());
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(entryName));
            out.write(bytes);
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return BrainJars.move(tmp, signedJar);
    }

    /** A file of the repository, found from the module a test runs in (platform, ui, ...). */
    static Path repositoryFile(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
