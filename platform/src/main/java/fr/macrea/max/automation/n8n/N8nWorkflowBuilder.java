package fr.macrea.max.automation.n8n;

import fr.macrea.max.plugins.api.Scenario;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * Turns a brain's scenario (data) into an n8n workflow (public-API JSON: {@code name}, {@code nodes},
 * {@code connections}, {@code settings}): a webhook that M.A.X. calls when the trigger fires, a wait for the delay
 * (n8n persists its waits, so J+3 survives restarts), then the channel step, an HTTP call back to M.A.X. that
 * re-checks the conditions and runs the action on the scenario's channel through the action pipeline (mode,
 * tokens, consent). The n8n node types and versions live here, not in the brain API, so a node version change is a
 * host change only. Placeholders filled at deployment: {@value #WEBHOOK_PATH} and {@value #CALLBACK_URL}.
 * <p>
 * For a {@link Scenario.Trigger.Type#DATE_FIELD} trigger the delay is relative to the date (J-1, J+1): M.A.X. fires
 * the webhook at that moment itself, so the workflow has no wait node.
 */
@Component
public class N8nWorkflowBuilder {

    public static final String WEBHOOK_PATH = "{{MAX_WEBHOOK_PATH}}";
    public static final String CALLBACK_URL = "{{MAX_CALLBACK_URL}}";
    /*
     * Node names are data of the workflow, not texts of M.A.X.'s interface: they identify the nodes (their stable ids
     * are derived from them, the connections and the callback's $('...') expression name them), so renaming one would
     * give every redeployed workflow new node ids. They stay French, the language of the n8n instance's operators;
     * FrenchLiteralsGuardTest lists this file among its French data for that reason.
     */
    static final String TRIGGER = "Déclencheur M.A.X.";
    static final String WAIT = "Attendre";

    private final JsonMapper json = JsonMapper.builder().build();

    /** The workflow for scenario {@code scenario} of brain {@code brainId}. */
    public ObjectNode build(String brainId, Scenario scenario) {
        String key = brainId + ":" + scenario.id();
        String channelStep = "M.A.X. " + scenario.channel().name();
        boolean wait = scenario.trigger().type() != Scenario.Trigger.Type.DATE_FIELD
                && scenario.delay().compareTo(Duration.ZERO) > 0;

        ObjectNode workflow = json.createObjectNode();
        workflow.put("name", "M.A.X. — " + scenario.name().fr() + " (" + key + ")");
        ArrayNode nodes = workflow.putArray("nodes");
        ObjectNode trigger = node(nodes, key, TRIGGER, "n8n-nodes-base.webhook", 2, 0);
        trigger.put("notes", describe(scenario.trigger()));
        trigger.putObject("parameters").put("httpMethod", "POST").put("path", WEBHOOK_PATH)
                .put("responseMode", "onReceived").putObject("options");
        if (wait) {
            ObjectNode parameters = node(nodes, key, WAIT, "n8n-nodes-base.wait", 1.1, 220).putObject("parameters");
            long minutes = scenario.delay().toMinutes();
            String unit = minutes % 1440 == 0 ? "days" : minutes % 60 == 0 ? "hours" : "minutes";
            long amount = switch (unit) {
                case "days" -> minutes / 1440;
                case "hours" -> minutes / 60;
                default -> Math.max(1, minutes);
            };
            parameters.put("resume", "timeInterval").put("amount", amount).put("unit", unit);
        }
        ObjectNode callback = node(nodes, key, channelStep, "n8n-nodes-base.httpRequest", 4.2, 440)
                .putObject("parameters");
        callback.put("method", "POST").put("url", CALLBACK_URL).put("sendBody", true).put("specifyBody", "json")
                .put("jsonBody", "={{ JSON.stringify({ scenario: '" + key + "', channel: '" + scenario.channel()
                        + "', template: '" + scenario.templateId() + "', record: $('" + TRIGGER
                        + "').item.json.body }) }}")
                .putObject("options");

        ObjectNode connections = workflow.putObject("connections");
        if (wait) {
            connect(connections, TRIGGER, WAIT);
            connect(connections, WAIT, channelStep);
        } else {
            connect(connections, TRIGGER, channelStep);
        }
        workflow.putObject("settings").put("executionOrder", "v1").put("saveExecutionProgress", true);
        return workflow;
    }

    /** The same, as the text n8n's public API takes. */
    public String json(String brainId, Scenario scenario) {
        return json.writeValueAsString(build(brainId, scenario));
    }

    private static ObjectNode node(ArrayNode nodes, String key, String name, String type, double version, int x) {
        ObjectNode node = nodes.addObject();
        // stable ids: redeploying the same scenario updates the same nodes
        node.put("id", UUID.nameUUIDFromBytes((key + "/" + name).getBytes(StandardCharsets.UTF_8)).toString());
        node.put("name", name).put("type", type);
        if (version == Math.rint(version)) {
            node.put("typeVersion", (int) version);
        } else {
            node.put("typeVersion", version);
        }
        node.putArray("position").add(x).add(0);
        return node;
    }

    private static void connect(ObjectNode connections, String from, String to) {
        connections.putObject(from).putArray("main").addArray().addObject()
                .put("node", to).put("type", "main").put("index", 0);
    }

    private static String describe(Scenario.Trigger trigger) {
        return trigger.type() + " " + trigger.entity()
                + (trigger.field().isEmpty() ? "" : "." + trigger.field())
                + (trigger.value().isEmpty() ? "" : " = " + trigger.value());
    }
}
