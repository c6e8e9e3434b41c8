package fr.macrea.max.brain;

import fr.macrea.max.brain.BrainJars.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promise of docs/plugins.md, "2.x only gains optional members", tested for real: a brain is compiled against
 * today's plugins-api, then loaded by the real brain host running in a class loader where plugins-api is a
 * <em>later</em> 2.x (2.1.0), built from today's sources with an optional member added to {@code Scenario} and to
 * {@code BrainContributions} (their canonical constructors gain a parameter, the builders keep their methods).
 * A brain built with a canonical constructor is the control: it links today and breaks on the later API, which
 * is why those constructors are not part of the brain contract.
 */
class BrainApiCompatibilityTest {

    static Path laterApi;

    @TempDir
    Path dir;

    @BeforeAll
    static void compileTheLaterApi(@TempDir Path work) throws IOException {
        Path sources = work.resolve("src");
        Path api = Path.of("../plugins-api/src/main/java").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(api)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path copy = sources.resolve(api.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        Path pkg = sources.resolve("fr/macrea/max/plugins/api");
        edit(pkg.resolve("Scenario.java"), "Mode defaultMode, String n8nWorkflowResource) {",
                "Mode defaultMode, String n8nWorkflowResource, String audience) {");
        edit(pkg.resolve("Scenario.java"), "defaultMode, n8nWorkflowResource);", "defaultMode, n8nWorkflowResource, \"\");");
        edit(pkg.resolve("BrainContributions.java"), "List<Scenario> scenarios,\n                                 List<SuggestionRoutine> suggestions) {",
                "List<Scenario> scenarios, List<SuggestionRoutine> suggestions, List<String> playbooks) {");
        edit(pkg.resolve("BrainContributions.java"), "kpis, scenarios, suggestions);", "kpis, scenarios, suggestions, List.of());");
        edit(pkg.resolve("PluginsApi.java"), "VERSION = \"2.0.0\"", "VERSION = \"2.1.0\"");

        laterApi = work.resolve("classes");
        List<String> args = new ArrayList<>(List.of("-proc:none", "-d", laterApi.toString(), "-classpath",
                entries().stream().filter(e -> e.contains("pf4j")).reduce((a, b) -> a + File.pathSeparator + b).orElseThrow()));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, OutputStream.nullOutputStream(), errors, args.toArray(String[]::new));
        assertThat(rc).as("the later API compiles:\n" + errors).isZero();
    }

    /** Replaces the one occurrence of {@code from}; fails if today's sources no longer read that way. */
    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text.split(java.util.regex.Pattern.quote(from), -1)).as(file + " contains once: " + from).hasSize(2);
        Files.writeString(file, text.replace(from, to));
    }

    private static List<String> entries() {
        return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    }

    @Test
    void a_brain_built_against_the_current_api_loads_in_a_host_whose_api_gained_optional_members() throws Exception {
        BrainJars.good(dir, "ancien", "1.0.0");
        BrainJars.brain(dir, "brain-canonique-1.0.0.jar", "canonique", "1.0.0", BrainJars.REQUIRES,
                Kind.CANONICAL_CONSTRUCTOR);

        try (LaterHost host = new LaterHost(dir)) {
            assertThat(host.apiVersion()).isEqualTo("2.1.0");
            Object good = host.status("brain-ancien-1.0.0.jar");
            assertThat(call(good, "state")).hasToString("LOADED");
            Object contributions = call(host.loaded("ancien"), "contributions");
            assertThat(call(contributions, "playbooks")).as("the new optional member, defaulted").isEqualTo(List.of());
            Object scenario = ((List<?>) call(contributions, "scenarios")).getFirst();
            assertThat(call(scenario, "audience")).isEqualTo("");
            assertThat(call(scenario, "templateId")).isEqualTo("devis");

            Object control = host.status("brain-canonique-1.0.0.jar");
            assertThat(call(control, "state")).hasToString("REFUSED");
            assertThat(String.valueOf(call(control, "reason")))
                    .contains("brain.refused.exception", "NoSuchMethodError", "Scenario");
        }
    }

    @Test
    void on_the_current_api_both_brains_load() {
        BrainJars.good(dir, "ancien", "1.0.0");
        BrainJars.brain(dir, "brain-canonique-1.0.0.jar", "canonique", "1.0.0", BrainJars.REQUIRES,
                Kind.CANONICAL_CONSTRUCTOR);
        BrainManager manager = BrainHosts.manager(dir);
        try {
            assertThat(manager.available()).extracting(LoadedBrain::id).containsExactly("ancien", "canonique");
        } finally {
            manager.shutdown();
        }
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        Method m = target.getClass().getMethod(method);
        m.setAccessible(true);
        return m.invoke(target);
    }

    /** The platform's brain host on its own class loader: the later API, then everything else of the test class path. */
    private static final class LaterHost implements AutoCloseable {
        private final URLClassLoader loader;
        private final Object manager;

        LaterHost(Path brains) throws Exception {
            List<URL> urls = new ArrayList<>();
            urls.add(laterApi.toUri().toURL());
            for (String entry : entries()) {
                if (!entry.contains("plugins-api")) {
                    urls.add(Path.of(entry).toUri().toURL());
                }
            }
            loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Class<?> hosts = loader.loadClass(BrainHosts.class.getName());
            manager = hosts.getMethod("manager", Path.class).invoke(null, brains);
        }

        String apiVersion() throws ReflectiveOperationException {
            return (String) loader.loadClass("fr.macrea.max.plugins.api.PluginsApi").getField("VERSION").get(null);
        }

        Object status(String file) throws ReflectiveOperationException {
            for (Object s : (List<?>) call(manager, "statuses")) {
                if (file.equals(call(s, "file"))) {
                    return s;
                }
            }
            throw new AssertionError("no status for " + file);
        }

        Object loaded(String id) throws ReflectiveOperationException {
            Object found = manager.getClass().getMethod("find", String.class).invoke(manager, id);
            return ((java.util.Optional<?>) found).orElseThrow();
        }

        @Override
        public void close() throws Exception {
            call(manager, "shutdown");
            loader.close();
        }
    }

}
