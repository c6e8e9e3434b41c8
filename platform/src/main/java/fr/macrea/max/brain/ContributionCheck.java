package fr.macrea.max.brain;

import fr.macrea.max.automation.n8n.N8nWorkflowFile;
import fr.macrea.max.plugins.api.BrainContributions;
import fr.macrea.max.plugins.api.ContributionRules;
import fr.macrea.max.plugins.api.Scenario;
import fr.macrea.max.shared.Message;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;

/**
 * What the host checks of contributions rebuilt from the child's report, without any class loader: the
 * {@link ContributionRules}, and the n8n workflow files the brain ships, read straight from the jar's zip entries
 * (bounded) and checked with {@link N8nWorkflowFile}. Also reads the provider from the manifest.
 */
final class ContributionCheck {

    /** A workflow file larger than this is refused (n8n's own exports of large workflows stay well below). */
    static final int MAX_WORKFLOW_BYTES = 1024 * 1024;
    private static final int MAX_REASONS = 5;

    private ContributionCheck() {
    }

    /** Validated contributions, their workflow files and the jar's provider, or why they are refused. */
    record Checked(Map<String, String> workflowFiles, String provider, Message refusal) {
    }

    static Checked check(Path jar, BrainContributions contributions) {
        List<ContributionRules.Violation> violations = ContributionRules.check(contributions);
        if (!violations.isEmpty()) {
            return new Checked(Map.of(), "", invalid(violations));
        }
        Map<String, String> workflows = new LinkedHashMap<>();
        try (JarFile zip = new JarFile(jar.toFile(), false)) {
            for (Scenario scenario : contributions.scenarios()) {
                if (!scenario.n8nWorkflowResource().isBlank()) {
                    Message problem = readWorkflow(zip, scenario, workflows);
                    if (problem != null) {
                        return new Checked(Map.of(), "", problem);
                    }
                }
            }
            var manifest = zip.getManifest();
            String provider = manifest == null ? "" : BrainJarCheck.trim(manifest.getMainAttributes().getValue("Plugin-Provider"));
            return new Checked(workflows, provider, null);
        } catch (IOException | RuntimeException e) {
            return new Checked(Map.of(), "", Message.of("brain.refused.unreadable-archive", String.valueOf(e.getMessage())));
        }
    }

    private static Message invalid(List<ContributionRules.Violation> violations) {
        String more = violations.size() > MAX_REASONS ? " (+" + (violations.size() - MAX_REASONS) + ")" : "";
        // the rules speak both languages themselves: the bilingual key picks the user's
        return Message.of("brain.refused.invalid-contributions", Message.of("brain.bilingual",
                violations.stream().limit(MAX_REASONS).map(v -> v.where() + " : " + v.fr())
                        .collect(Collectors.joining(" ; ")) + more,
                violations.stream().limit(MAX_REASONS).map(v -> v.where() + ": " + v.en())
                        .collect(Collectors.joining("; ")) + more));
    }

    /** A workflow file the brain ships (custom nodes): read from its own jar, kept as text, checked now. */
    private static Message readWorkflow(JarFile zip, Scenario scenario, Map<String, String> into) {
        String at = "scenarios[" + scenario.id() + "].n8nWorkflowResource";
        String path = scenario.n8nWorkflowResource();
        String name = path.startsWith("/") ? path.substring(1) : path;
        ZipEntry entry = zip.getEntry(name);
        if (entry == null || entry.isDirectory()) {
            return Message.of("brain.refused.workflow-missing", at, path);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            // the entry's declared size may lie: read at most one byte past the limit
            byte[] bytes = in.readNBytes(MAX_WORKFLOW_BYTES + 1);
            if (bytes.length > MAX_WORKFLOW_BYTES) {
                return Message.of("brain.refused.workflow-too-large", at, path, MAX_WORKFLOW_BYTES);
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            var problem = N8nWorkflowFile.problem(text);
            if (problem.isPresent()) {
                String kind = problem.get().kind().name().toLowerCase().replace('_', '-');
                return Message.of("brain.refused.workflow-invalid", at, path,
                        Message.of("brain.workflow." + kind, problem.get().detail()));
            }
            into.put(scenario.id(), text);
            return null;
        } catch (IOException e) {
            return Message.of("brain.refused.workflow-unreadable", at, e.getClass().getSimpleName() + " — " + e.getMessage());
        }
    }
}
