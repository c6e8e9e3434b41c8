package fr.macrea.max.brain;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Builds brain plugin jars at test time (no committed binaries): Java sources compiled with javax.tools against the
 * test class path (plugins-api, PF4J), the PF4J extension index written by hand, a PF4J manifest. Jars are signed
 * with the development key of the built-in brains ({@code brains/signing/}, trusted by the built-in truststore), as
 * the build signs them, unless a test asks for another {@link Signer}.
 */
public final class BrainJars {

    public static final String REQUIRES = ">=2.0.0 & <3.0.0";
    private static final Map<String, Map<String, byte[]>> COMPILED = new ConcurrentHashMap<>();

    private BrainJars() {
    }

    /** What the generated brain does. */
    public enum Kind {
        GOOD, BAD_FIELD_NAME, THROWS_IN_CONTRIBUTE, THROWS_IN_CONSTRUCTOR,
        /** Spins for 3 s in contribute(), past the time limit of the tests that use it. */
        HANGS,
        NO_EXTENSION,
        /** Ships its scenario's n8n workflow as a resource (custom nodes). */
        WORKFLOW_FILE,
        /** Declares a workflow resource whose content is not an n8n workflow. */
        BROKEN_WORKFLOW_FILE,
        /** Builds its scenario with the record's canonical constructor, which is not part of the brain contract. */
        CANONICAL_CONSTRUCTOR,
        /** Tries to load a platform class at run time ({@code Class.forName}): refused by the bytecode check. */
        LOADS_PLATFORM_CLASS,
        /** Tries to load a host library class (Spring) at run time. */
        LOADS_HOST_LIBRARY
    }

    static final String WORKFLOW_PATH = "n8n/relance.json";
    static final String WORKFLOW = "{\"nodes\":[{\"name\":\"Webhook\",\"type\":\"n8n-nodes-base.webhook\"}],\"connections\":{}}";

    /** Who signs a generated jar. */
    public enum Signer {
        /** The development signer of the built-in brains, which the built-in truststore trusts. */
        DEV,
        /** A certificate that no truststore of the host holds. */
        FOREIGN,
        NONE
    }

    public static Path good(Path dir, String id, String version) {
        return brain(dir, "brain-" + id + "-" + version + ".jar", id, version, REQUIRES, Kind.GOOD);
    }

    public static Path good(Path dir, String id, String version, Signer signer) {
        return brain(dir, "brain-" + id + "-" + version + ".jar", id, version, REQUIRES, Kind.GOOD, signer);
    }

    public static Path brain(Path dir, String file, String id, String version, String requires, Kind kind) {
        return brain(dir, file, id, version, requires, kind, Signer.DEV);
    }

    /**
     * A brain whose whole class body is {@code source} (after its package line), compiled as {@code className}
     * and listed in the extension index: hostile code the checks must refuse.
     */
    public static Path fromSource(Path dir, String id, String className, String source, Signer signer) {
        return sign(jar(dir.resolve("brain-" + id + "-1.0.0.jar"), manifest(id, "1.0.0", REQUIRES),
                compile(className, source), className), signer);
    }

    public static Path brain(Path dir, String file, String id, String version, String requires, Kind kind,
                             Signer signer) {
        Map<String, String> manifest = manifest(id, version, requires);
        String className = "testbrains." + kind.name().toLowerCase().replace("_", "") + ".TestBrain";
        Map<String, byte[]> entries = new LinkedHashMap<>(compile(className, source(kind)));
        if (kind == Kind.WORKFLOW_FILE) {
            entries.put(WORKFLOW_PATH, WORKFLOW.getBytes(StandardCharsets.UTF_8));
        } else if (kind == Kind.BROKEN_WORKFLOW_FILE) {
            entries.put(WORKFLOW_PATH, "{\"nodes\": [".getBytes(StandardCharsets.UTF_8));
        }
        return sign(jar(dir.resolve(file), manifest, entries, kind == Kind.NO_EXTENSION ? null : className), signer);
    }

    private static Map<String, String> manifest(String id, String version, String requires) {
        Map<String, String> manifest = new LinkedHashMap<>();
        manifest.put("Plugin-Id", id);
        manifest.put("Plugin-Version", version);
        manifest.put("Plugin-Provider", "Tests");
        if (requires != null) {
            manifest.put("Plugin-Requires", requires);
        }
        return manifest;
    }

    /** Signs a jar in place (dropped atomically) as the build or a foreign author would; NONE leaves it as it is. */
    public static Path sign(Path jar, Signer signer) {
        if (signer == Signer.NONE) {
            return jar;
        }
        Path tmp = jar.resolveSibling(jar.getFileName() + ".signing");
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream out = Files.newOutputStream(tmp)) {
            BrainSigning.signer(signer == Signer.DEV ? BrainSigning.DEV : BrainSigning.FOREIGN).sign(in, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return move(tmp, jar);
    }

    static Path move(Path from, Path to) {
        try {
            return Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A jar with classes but no manifest at all. */
    public static Path withoutManifest(Path dir, String file) {
        Path jar = dir.resolve(file);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (var e : compile("testbrains.good.TestBrain", source(Kind.GOOD)).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    /** Bytes that are not a zip (or a truncated one). */
    public static Path corrupt(Path dir, String file) {
        try {
            byte[] real = Files.readAllBytes(good(Files.createTempDirectory("brain-src"), "x", "1.0.0", Signer.NONE));
            return Files.write(dir.resolve(file), java.util.Arrays.copyOf(real, real.length / 3));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path jar(Path target, Map<String, String> attributes, Map<String, byte[]> classes, String extension) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(tmp), manifest)) {
            for (var e : classes.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
            if (extension != null) {
                jar.putNextEntry(new JarEntry("META-INF/extensions.idx"));
                jar.write((extension + "\n").getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // dropped atomically, as an operator's mv would
        return move(tmp, target);
    }

    static Map<String, byte[]> compile(String className, String body) {
        String pkg = className.substring(0, className.lastIndexOf('.'));
        String source = "package " + pkg + ";\n" + body;
        return COMPILED.computeIfAbsent(className, k -> {
            try {
                Path src = Files.createTempDirectory("brain-src");
                Path out = Files.createTempDirectory("brain-classes");
                Path file = src.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
                Files.writeString(file, source);
                JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
                ByteArrayOutputStream errors = new ByteArrayOutputStream();
                int rc = javac.run(null, OutputStream.nullOutputStream(), errors, "-proc:none", "-classpath",
                        System.getProperty("java.class.path"), "-d", out.toString(), file.toString());
                if (rc != 0) {
                    throw new IllegalStateException("test brain does not compile:\n" + errors);
                }
                Map<String, byte[]> classes = new LinkedHashMap<>();
                try (Stream<Path> files = Files.walk(out)) {
                    for (Path p : files.filter(Files::isRegularFile).toList()) {
                        classes.put(out.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                    }
                }
                return classes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String source(Kind kind) {
        String fieldName = kind == Kind.BAD_FIELD_NAME ? "poids colis" : "cPoidsKg";
        String constructor = kind == Kind.THROWS_IN_CONSTRUCTOR
                ? "public TestBrain() { throw new IllegalStateException(\"constructeur cassé\"); }" : "";
        String first = switch (kind) {
            case THROWS_IN_CONTRIBUTE -> "if (true) throw new IllegalStateException(\"base de règles introuvable\");";
            // spins past the time limit with nothing the bytecode allow-list refuses (no Thread.sleep), then gives up
            case HANGS -> "java.time.Instant end = java.time.Instant.now().plusSeconds(3); "
                    + "while (java.time.Instant.now().isBefore(end)) { }";
            case LOADS_PLATFORM_CLASS -> forName("fr.macrea.max.brain.BrainManager");
            case LOADS_HOST_LIBRARY -> forName("org.springframework.context.ApplicationContext");
            default -> "";
        };
        String workflow = kind == Kind.WORKFLOW_FILE || kind == Kind.BROKEN_WORKFLOW_FILE ? WORKFLOW_PATH : "";
        String scenario = kind == Kind.CANONICAL_CONSTRUCTOR
                ? """
                  new Scenario("relance", Label.of("Relance", "Follow-up"), Label.of("J+3", "D+3"),
                          Scenario.Trigger.created("Lead"), Duration.ofDays(3), List.of(), Channel.EMAIL, "devis",
                          CostCategory.AUTO_FOLLOW_UP, Mode.ASSISTE, "")"""
                : """
                  Scenario.builder("relance", Label.of("Relance", "Follow-up"), Label.of("J+3", "D+3"))
                          .trigger(Scenario.Trigger.created("Lead")).delay(Duration.ofDays(3)).channel(Channel.EMAIL)
                          .templateId("devis").costCategory(CostCategory.AUTO_FOLLOW_UP).defaultMode(Mode.ASSISTE)
                          .n8nWorkflowResource("%s").build()""".formatted(workflow);
        return """
                import fr.macrea.max.plugins.api.*;
                import java.time.Duration;
                import java.util.List;

                @org.pf4j.Extension
                public class TestBrain implements Brain {
                    %s
                    @Override
                    public BrainContributions contribute(BrainContext context) {
                        %s
                        String id = context.brainId();
                        FieldPlan plan = FieldPlan.of(List.of(FieldPlan.EntityFields.of("Lead", List.of(
                                FieldPlan.Field.of("%s", "float", Label.of("Poids (kg)", "Weight (kg)"), "Exécution du contrat")))),
                                List.of(), List.of(FieldPlan.Tag.of("urgent", Label.of("Urgent", "Urgent"))), List.of());
                        CreativeTemplate template = CreativeTemplate.of("devis", Label.of("Devis " + id, "Quote " + id),
                                Channel.EMAIL, "Votre devis {Lead.firstName}", "Bonjour {Lead.firstName}, voici votre devis.", "pro");
                        Scenario scenario = %s;
                        KpiDefinition kpi = KpiDefinition.count("leads", Label.of("Leads", "Leads"), "Lead", KpiDefinition.Period.ALL_TIME);
                        SuggestionRoutine suggestion = SuggestionRoutine.of("a-relancer", Label.of("{count} à relancer", "{count} to follow up"),
                                "Lead", List.of(), 1, SuggestionRoutine.ProposedAction.of(SuggestionRoutine.ProposedAction.Kind.RUN_SCENARIO,
                                "relance", Label.of("Relancer", "Follow up"), Mode.ASSISTE));
                        return BrainContributions.builder(Label.of("Cerveau " + id, "Brain " + id), Label.of("Test", "Test"))
                                .fieldPlan(plan).templates(List.of(template)).kpis(List.of(kpi)).scenarios(List.of(scenario))
                                .suggestions(List.of(suggestion)).build();
                    }
                }
                """.formatted(constructor, first, fieldName, scenario);
    }

    /** A brain that reaches for a host class by name, rethrowing what the class loader says. */
    private static String forName(String className) {
        return "try { Class.forName(\"" + className + "\"); } catch (ClassNotFoundException e) { "
                + "throw new IllegalStateException(\"cannot load " + className + "\", e); }";
    }

    /** Deletes a jar as an operator would. */
    public static void remove(Path jar) {
        try {
            Files.delete(jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
