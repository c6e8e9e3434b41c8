package fr.macrea.max.brain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jars the build makes of the built-in brains ({@code brains/*}, built and signed at {@code package} before this
 * module: its pom depends on them) pass every check a production host makes before running a brain: size limits,
 * the signature by the development signer that the built-in truststore trusts, and the bytecode allow-list.
 */
class BuiltInBrainsTest {

    private static final Path BRAINS = Path.of("..", "brains").toAbsolutePath().normalize();

    @Test
    void every_built_in_brain_jar_is_accepted_by_a_production_check_with_the_development_signer() throws IOException {
        List<String> modules = modules();
        assertThat(modules).as("brains/pom.xml modules").hasSizeGreaterThanOrEqualTo(5)
                .contains("standard", "logistique", "ecommerce", "beaute", "coaching");
        BrainJarCheck production = new BrainJarCheck(BrainProperties.Trust.defaults());
        for (String module : modules) {
            Path jar = jarOf(module);
            BrainJarCheck.Result result = production.check(jar);
            assertThat(result.refusal()).as(jar + " refused: " + result.refusal()).isNull();
            assertThat(result.id()).isEqualTo(module);
            assertThat(result.signer()).as(module + " signer").isEqualTo(BrainSigning.devFingerprint());
        }
    }

    @Test
    void a_built_in_brain_copied_without_its_signature_is_refused_in_production() throws IOException {
        Path copy = Files.createTempDirectory("unsigned-builtin").resolve("brain-standard-1.0.0.jar");
        try (var in = new java.util.zip.ZipFile(jarOf("standard").toFile());
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(copy))) {
            for (var entry : java.util.Collections.list(in.entries())) {
                if (!BrainJarReader.signatureRelated(entry.getName()) || entry.getName().endsWith("MANIFEST.MF")) {
                    out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                    out.write(in.getInputStream(entry).readAllBytes());
                    out.closeEntry();
                }
            }
        }
        assertThat(new BrainJarCheck(BrainProperties.Trust.defaults()).check(copy).refusal().key())
                .isEqualTo("brain.refused.unsigned");
    }

    private static Path jarOf(String module) throws IOException {
        Path target = BRAINS.resolve(module).resolve("target");
        try (Stream<Path> files = Files.isDirectory(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(p -> p.getFileName().toString().matches("brain-" + module + "-[0-9.]+\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no built jar in " + target
                            + ": run mvn verify (the brains are packaged and signed before the ui module's tests)"));
        }
    }

    private static List<String> modules() throws IOException {
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(BRAINS.resolve("pom.xml")));
        List<String> modules = new java.util.ArrayList<>();
        while (m.find()) {
            modules.add(m.group(1));
        }
        return modules;
    }
}
