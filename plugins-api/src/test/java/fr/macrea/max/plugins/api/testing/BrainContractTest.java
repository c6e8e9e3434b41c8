package fr.macrea.max.plugins.api.testing;

import fr.macrea.max.plugins.api.Brain;
import fr.macrea.max.plugins.api.BrainContext;
import fr.macrea.max.plugins.api.BrainContributions;
import fr.macrea.max.plugins.api.ContributionRules;
import fr.macrea.max.plugins.api.PluginsApi;
import org.junit.jupiter.api.Test;
import org.pf4j.Extension;

import java.io.BufferedReader;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeInstruction;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.stream.Stream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract every brain meets, run by each brain module against itself: extend it in the brain's tests and return
 * the brain and its {@code Plugin-Id}. It checks what the host checks when it loads the jar (the
 * {@link ContributionRules}), plus what only a build can see (the PF4J extension index, STACK trap 2).
 *
 * @since 1.0
 */
public abstract class BrainContractTest {

    /** A fresh instance of the brain under test, as PF4J would create it. */
    protected abstract Brain brain();

    /** The brain's {@code Plugin-Id}. */
    protected abstract String brainId();

    protected BrainContext context() {
        return new BrainContext() {
            @Override
            public String apiVersion() {
                return PluginsApi.VERSION;
            }

            @Override
            public String brainId() {
                return BrainContractTest.this.brainId();
            }
        };
    }

    @Test
    void contributions_satisfy_every_rule_of_the_host() {
        BrainContributions contributions = brain().contribute(context());
        assertNotNull(contributions, "contribute() returned null");
        List<ContributionRules.Violation> violations = ContributionRules.check(contributions);
        if (!violations.isEmpty()) {
            fail("the host would refuse this brain:\n" + violations.stream().map(Object::toString)
                    .collect(Collectors.joining("\n")));
        }
    }

    @Test
    void contributions_are_the_same_on_every_call() {
        assertEquals(brain().contribute(context()), brain().contribute(context()));
    }

    @Test
    void contributes_something_a_tenant_can_use() {
        BrainContributions c = brain().contribute(context());
        assertTrue(!c.templates().isEmpty(), "no creative template");
        assertTrue(!c.scenarios().isEmpty(), "no scenario");
        assertTrue(!c.kpis().isEmpty(), "no KPI");
        assertTrue(!c.suggestions().isEmpty(), "no suggestion routine");
        if (!PluginsApi.STANDARD_BRAIN_ID.equals(brainId())) {
            assertTrue(!c.fieldPlan().entities().isEmpty(), "a vertical brain needs a field plan");
        }
    }

    /**
     * The canonical constructors of the API's records gain a parameter whenever a 1.x adds a member, so a brain that
     * calls one would stop linking; brains use the builders and factories, whose signatures stay.
     */
    @Test
    void creates_contributions_through_builders_and_factories_only() throws Exception {
        Path root = Path.of(brain().getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> offenders = new ArrayList<>();
        try (FileSystem jar = Files.isDirectory(root) ? null : FileSystems.newFileSystem(root);
             Stream<Path> files = Files.walk(jar == null ? root : jar.getPath("/"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                ClassModel model = ClassFile.of().parse(Files.readAllBytes(file));
                for (MethodModel method : model.methods()) {
                    method.code().ifPresent(code -> code.forEach(element -> {
                        if (element instanceof InvokeInstruction call && call.name().equalsString("<init>")
                                && call.owner().asInternalName().startsWith("fr/macrea/max/plugins/api/")) {
                            offenders.add(model.thisClass().asInternalName() + "." + method.methodName().stringValue()
                                    + " calls new " + call.owner().asInternalName().replace('/', '.'));
                        }
                    }));
                }
            }
        }
        assertTrue(offenders.isEmpty(), "use the builders / of(...) factories instead of the records' constructors:\n"
                + String.join("\n", offenders));
    }

    @Test
    void declared_n8n_workflow_files_are_in_the_jar() {
        for (var scenario : brain().contribute(context()).scenarios()) {
            String path = scenario.n8nWorkflowResource();
            if (!path.isEmpty()) {
                assertNotNull(brain().getClass().getClassLoader().getResource(path),
                        "scenario " + scenario.id() + " declares " + path + ", which is not among the brain's resources");
            }
        }
    }

    @Test
    void is_a_pf4j_extension_with_a_public_no_argument_constructor() throws Exception {
        Class<?> type = brain().getClass();
        assertTrue(type.isAnnotationPresent(Extension.class), type.getName() + " lacks @Extension");
        assertTrue(Modifier.isPublic(type.getModifiers()), type.getName() + " is not public");
        assertNotNull(type.getConstructor().newInstance());
    }

    @Test
    void the_extension_index_lists_the_brain() throws IOException {
        String name = brain().getClass().getName();
        boolean found = false;
        for (URL url : Collections.list(brain().getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                found |= r.lines().anyMatch(name::equals);
            }
        }
        assertTrue(found, "META-INF/extensions.idx does not list " + name
                + ": configure the PF4J annotation processor explicitly (STACK trap 2)");
    }
}
