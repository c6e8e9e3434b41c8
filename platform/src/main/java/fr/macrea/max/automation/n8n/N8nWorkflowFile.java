package fr.macrea.max.automation.n8n;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/**
 * Checks an n8n workflow file that a brain ships as a resource (for a scenario that needs custom nodes): it must be
 * a JSON object with a non-empty {@code nodes} array, each node named and typed, and a {@code connections} object.
 * What n8n makes of the nodes is n8n's business; this catches a broken or truncated file at load time.
 */
public final class N8nWorkflowFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private N8nWorkflowFile() {
    }

    /** Why the text is not an n8n workflow, or empty if it is one. */
    public static Optional<Problem> problem(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            return Optional.of(new Problem(Problem.Kind.UNREADABLE, e.getOriginalMessage()));
        }
        JsonNode nodes = root == null ? null : root.get("nodes");
        if (root == null || !root.isObject() || nodes == null || !nodes.isArray() || nodes.isEmpty()
                || root.get("connections") == null || !root.get("connections").isObject()) {
            return Optional.of(new Problem(Problem.Kind.NOT_A_WORKFLOW, ""));
        }
        for (JsonNode node : nodes) {
            if (!node.isObject() || !node.path("name").isString() || !node.path("type").isString()) {
                return Optional.of(new Problem(Problem.Kind.NODE_WITHOUT_NAME_OR_TYPE, ""));
            }
        }
        return Optional.empty();
    }

    /** What is wrong with a workflow file; {@code detail} is the parser's own text (not translated). */
    public record Problem(Kind kind, String detail) {
        public enum Kind { UNREADABLE, NOT_A_WORKFLOW, NODE_WITHOUT_NAME_OR_TYPE }
    }
}
