package fr.macrea.max.brain;

import fr.macrea.max.brain.BrainJars.Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Everything checked of a jar before any of its code runs, on jars built, signed, tampered and inflated at test time. */
class BrainJarCheckTest {

    @TempDir
    Path dir;

    private static final BrainJarCheck PRODUCTION = new BrainJarCheck(BrainProperties.Trust.defaults());
    private static final BrainJarCheck EMBEDDED = new BrainJarCheck(
            BrainProperties.Trust.defaults().withAllowUnsigned(true));

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("jdbc", "java.sql.DriverManager.getConnection(String)", """
                        try { java.sql.DriverManager.getConnection("jdbc:h2:mem:x").close(); }
                        catch (java.sql.SQLException e) { throw new IllegalStateException(e); }"""),
                Arguments.of("exit", "java.lang.System.exit(int)", "System.exit(1);"),
                Arguments.of("thread", "java.lang.Thread.<init>(Runnable)",
                        "new Thread(() -> { while (true) { } }).start();"),
                Arguments.of("exec", "java.lang.Runtime.getRuntime()", """
                        try { Runtime.getRuntime().exec(new String[] {"sh", "-c", "id"}); }
                        catch (java.io.IOException e) { throw new IllegalStateException(e); }"""),
                Arguments.of("reflection", "java.lang.Class.getDeclaredMethods()",
                        "if (System.class.getDeclaredMethods().length == 0) throw new IllegalStateException();"),
                Arguments.of("handles", "java.lang.invoke.MethodHandles.lookup()",
                        "if (java.lang.invoke.MethodHandles.lookup() == null) throw new IllegalStateException();"),
                Arguments.of("forname", "java.lang.Class.forName(String)", """
                        try { Class.forName("fr.macrea.max.brain.BrainManager"); }
                        catch (ClassNotFoundException e) { throw new IllegalStateException(e); }"""),
                Arguments.of("loader", "java.lang.ClassLoader.<init>()",
                        "if (new ClassLoader() { } == null) throw new IllegalStateException();"),
                Arguments.of("native", "native testbrains.jarnative.Hostile.nap()", "nap();"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void a_hostile_jar_signed_by_the_trusted_key_is_refused_naming_the_class_and_the_member(
            String name, String member, String statement) {
        String className = "testbrains.jar" + name + ".Hostile";
        Path jar = BrainJars.fromSource(dir, "hostile" + name, className, """
                import fr.macrea.max.plugins.api.*;

                @org.pf4j.Extension
                public class Hostile implements Brain {
                    %s

                    @Override
                    public BrainContributions contribute(BrainContext context) {
                        %s
                        return null;
                    }
                }
                """.formatted(name.equals("native") ? "native void nap();" : "", statement), Signer.DEV);
        BrainJarCheck.Result result = PRODUCTION.check(jar);
        assertThat(result.refusal()).isNotNull();
        assertThat(result.refusal().key()).isEqualTo("brain.refused.forbidden-reference");
        assertThat(BrainMessages.fr(result.refusal())).startsWith("code interdit à un cerveau : " + className)
                .contains(member);
        assertThat(BrainMessages.en(result.refusal())).startsWith("code a brain may not use: " + className)
                .contains(member);
        assertThat(result.id()).isEqualTo("hostile" + name);
    }

    @Test
    void a_genuine_jar_signed_by_the_trusted_key_is_accepted_with_its_signer() {
        BrainJarCheck.Result result = PRODUCTION.check(BrainJars.good(dir, "standard", "1.0.0", Signer.DEV));
        assertThat(result.refusal()).isNull();
        assertThat(result.id()).isEqualTo("standard");
        assertThat(result.version()).isEqualTo("1.0.0");
        assertThat(result.signer()).isEqualTo(BrainSigning.devFingerprint()).matches("[0-9a-f]{64}");
    }

    @Test
    void an_unsigned_jar_is_refused_in_production_and_accepted_unsigned_on_the_embedded_default() {
        Path jar = BrainJars.good(dir, "libre", "1.0.0", Signer.NONE);
        BrainJarCheck.Result production = PRODUCTION.check(jar);
        assertThat(production.refusal().key()).isEqualTo("brain.refused.unsigned");
        assertThat(BrainMessages.fr(production.refusal())).startsWith("jar non signé");
        BrainJarCheck.Result embedded = EMBEDDED.check(jar);
        assertThat(embedded.refusal()).isNull();
        assertThat(embedded.signer()).isNull();
    }

    @Test
    void a_jar_signed_by_a_foreign_key_is_refused_with_its_fingerprint() {
        Path jar = BrainJars.good(dir, "etranger", "1.0.0", Signer.FOREIGN);
        BrainJarCheck.Result result = PRODUCTION.check(jar);
        assertThat(result.refusal().key()).isEqualTo("brain.refused.untrusted-signer");
        assertThat(BrainMessages.en(result.refusal())).contains(BrainSigning.fingerprint(BrainSigning.FOREIGN));
        assertThat(EMBEDDED.check(jar).signer()).as("allowed as unsigned, never as trusted").isNull();
    }

    @Test
    void a_signed_jar_changed_after_signing_is_refused_even_when_unsigned_jars_are_allowed() {
        Path jar = BrainSigning.tamper(BrainJars.good(dir, "modifie", "1.0.0", Signer.DEV));
        for (BrainJarCheck check : new BrainJarCheck[] {PRODUCTION, EMBEDDED}) {
            BrainJarCheck.Result result = check.check(jar);
            assertThat(result.refusal()).isNotNull();
            assertThat(result.refusal().key()).isEqualTo("brain.refused.bad-signature");
            assertThat(BrainMessages.fr(result.refusal())).contains("testbrains/good/TestBrain.class");
        }
    }

    @Test
    void a_class_added_to_a_signed_jar_makes_it_partially_signed_and_refused_even_when_unsigned_jars_are_allowed() {
        byte[] extra = BrainJars.compile("testbrains.extra.Extra", "public class Extra { }").values().iterator().next();
        Path jar = BrainSigning.addUnsignedClass(BrainJars.good(dir, "ajout", "1.0.0", Signer.DEV),
                "testbrains/extra/Extra.class", extra);
        for (BrainJarCheck check : new BrainJarCheck[] {PRODUCTION, EMBEDDED}) {
            BrainJarCheck.Result result = check.check(jar);
            assertThat(result.refusal()).isNotNull();
            assertThat(result.refusal().key()).isEqualTo("brain.refused.partially-signed");
            assertThat(BrainMessages.en(result.refusal())).contains("testbrains/extra/Extra.class");
        }
    }

    @Test
    void a_jar_whose_signature_block_is_garbled_is_refused_even_when_unsigned_jars_are_allowed() {
        Path jar = BrainSigning.garbleSignatureBlock(BrainJars.good(dir, "brouille", "1.0.0", Signer.DEV));
        for (BrainJarCheck check : new BrainJarCheck[] {PRODUCTION, EMBEDDED}) {
            BrainJarCheck.Result result = check.check(jar);
            assertThat(result.refusal()).isNotNull();
            assertThat(result.refusal().key()).isEqualTo("brain.refused.empty-signature");
        }
    }

    @Test
    void an_operator_truststore_trusts_its_own_signer_and_no_longer_the_development_one() throws Exception {
        Path truststore = dir.resolve("operator.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("operator", foreignCertificate());
        try (OutputStream out = Files.newOutputStream(truststore)) {
            store.store(out, "secret".toCharArray());
        }
        BrainProperties.Trust defaults = BrainProperties.Trust.defaults();
        BrainJarCheck check = new BrainJarCheck(new BrainProperties.Trust(false, truststore, "secret",
                defaults.maxEntries(), defaults.maxEntrySize(), defaults.maxTotalSize(), defaults.maxIndexSize()));
        Path own = BrainJars.good(dir, "maison", "1.0.0", Signer.FOREIGN);
        assertThat(check.check(own).refusal()).isNull();
        assertThat(check.check(own).signer()).isEqualTo(BrainSigning.fingerprint(BrainSigning.FOREIGN));
        Path dev = BrainJars.good(dir, "standard", "1.0.0", Signer.DEV);
        assertThat(check.check(dev).refusal().key()).isEqualTo("brain.refused.untrusted-signer");
    }

    @Test
    void a_missing_truststore_refuses_signed_jars_with_its_path() {
        BrainProperties.Trust defaults = BrainProperties.Trust.defaults();
        Path missing = dir.resolve("absent.p12");
        BrainJarCheck check = new BrainJarCheck(new BrainProperties.Trust(false, missing, "x",
                defaults.maxEntries(), defaults.maxEntrySize(), defaults.maxTotalSize(), defaults.maxIndexSize()));
        BrainJarCheck.Result result = check.check(BrainJars.good(dir, "standard", "1.0.0", Signer.DEV));
        assertThat(result.refusal().key()).isEqualTo("brain.refused.truststore-unreadable");
        assertThat(BrainMessages.fr(result.refusal())).contains(missing.toString());
    }

    @Test
    void an_index_that_inflates_to_3_gib_is_refused_reading_a_few_kib_with_flat_memory() {
        Path bomb = ZipBombs.write(dir.resolve("brain-bombe-1.0.0.jar"), Map.of("META-INF/MANIFEST.MF",
                manifest("bombe")), "META-INF/extensions.idx", 3072, 40);
        assertThat(bomb).satisfies(p -> assertThat(Files.size(p)).isLessThan(8L << 20));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        BrainJarCheck.Result result = EMBEDDED.check(bomb);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(result.refusal().key()).isEqualTo("brain.refused.index-too-large");
        assertThat(BrainMessages.en(result.refusal())).isEqualTo("META-INF/extensions.idx exceeds 65,536 bytes once inflated");
        assertThat(allocated).as("bytes allocated by the check").isLessThan(16L << 20);
    }

    @Test
    void a_class_that_inflates_beyond_the_entry_limit_while_declaring_40_bytes_is_refused() {
        Path bomb = ZipBombs.write(dir.resolve("brain-gros-1.0.0.jar"), Map.of("META-INF/MANIFEST.MF",
                manifest("gros")), "testbrains/Big.class", 64, 40);
        BrainJarCheck.Result result = EMBEDDED.check(bomb);
        assertThat(result.refusal().key()).isEqualTo("brain.refused.entry-too-large");
        assertThat(result.refusal().args()).containsExactly("testbrains/Big.class", 4L << 20);
    }

    @Test
    void the_entry_count_and_total_size_limits_hold() {
        Map<String, byte[]> many = new LinkedHashMap<>();
        many.put("META-INF/MANIFEST.MF", manifest("nombreux"));
        for (int i = 0; i < 20; i++) {
            many.put("data/" + i + ".txt", new byte[100_000]);
        }
        Path jar = ZipBombs.write(dir.resolve("brain-nombreux-1.0.0.jar"), many, "data/last.txt", 1, 40);
        BrainProperties.Trust defaults = BrainProperties.Trust.defaults();
        BrainJarCheck fewEntries = new BrainJarCheck(new BrainProperties.Trust(true, null, null, 10,
                defaults.maxEntrySize(), defaults.maxTotalSize(), defaults.maxIndexSize()));
        assertThat(fewEntries.check(jar).refusal().key()).isEqualTo("brain.refused.too-many-entries");
        BrainJarCheck smallTotal = new BrainJarCheck(new BrainProperties.Trust(true, null, null, 4096,
                defaults.maxEntrySize(), org.springframework.util.unit.DataSize.ofMegabytes(1), defaults.maxIndexSize()));
        assertThat(smallTotal.check(jar).refusal().key()).isEqualTo("brain.refused.total-too-large");
        assertThat(EMBEDDED.check(jar).refusal()).as("within the default limits").isNull();
    }

    @Test
    void a_class_entry_that_is_not_a_class_file_is_refused_with_its_name() {
        Path jar = ZipBombs.write(dir.resolve("brain-faux-1.0.0.jar"), Map.of("META-INF/MANIFEST.MF",
                manifest("faux")), "testbrains/Junk.class", 1, 40);
        BrainJarCheck.Result result = EMBEDDED.check(jar);
        assertThat(result.refusal().key()).isEqualTo("brain.refused.bad-class");
        assertThat(BrainMessages.en(result.refusal())).startsWith("testbrains/Junk.class is not a readable Java class");
    }

    @Test
    void a_jar_with_two_entries_of_the_same_name_is_refused() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", manifest("double"));
        entries.put("testbrains/Twice.class", new byte[10]);
        Path jar = ZipBombs.write(dir.resolve("brain-double-1.0.0.jar"), entries, "testbrains/Twice.class", 1, 40);
        BrainJarCheck.Result result = EMBEDDED.check(jar);
        assertThat(result.refusal().key()).isEqualTo("brain.refused.duplicate-entry");
        assertThat(BrainMessages.fr(result.refusal())).isEqualTo("l'entrée testbrains/Twice.class figure deux fois dans le jar");
    }

    @Test
    void the_manifest_is_still_checked_first_on_a_signed_jar() {
        Path jar = BrainJars.brain(dir, "brain-futur-1.0.0.jar", "futur", "1.0.0", ">=3.0.0 & <4.0.0",
                BrainJars.Kind.GOOD, Signer.DEV);
        assertThat(PRODUCTION.check(jar).refusal().key()).isEqualTo("brain.refused.incompatible-requires");
    }

    private static byte[] manifest(String id) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", id);
        main.putValue("Plugin-Version", "1.0.0");
        main.putValue("Plugin-Requires", BrainJars.REQUIRES);
        try {
            var out = new java.io.ByteArrayOutputStream();
            manifest.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Certificate foreignCertificate() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = BrainSigning.class.getResourceAsStream("foreign-signer.p12")) {
            store.load(in, "foreign".toCharArray());
        }
        return store.getCertificate("foreign");
    }
}
