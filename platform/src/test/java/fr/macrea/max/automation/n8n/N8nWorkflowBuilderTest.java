package fr.macrea.max.automation.n8n;

import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.plugins.api.CostCategory;
import fr.macrea.max.plugins.api.Criterion;
import fr.macrea.max.plugins.api.Label;
import fr.macrea.max.plugins.api.Mode;
import fr.macrea.max.plugins.api.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class N8nWorkflowBuilderTest {

    private final N8nWorkflowBuilder builder = new N8nWorkflowBuilder();
    private final JsonMapper mapper = JsonMapper.builder().build();

    private static Scenario scenario(Scenario.Trigger trigger, Duration delay, Channel channel) {
        return Scenario.builder("relance-devis", Label.of("Relance devis J+3", "Quote follow-up D+3"),
                        Label.of("Trois jours après", "Three days after"))
                .trigger(trigger).delay(delay)
                .conditions(List.of(Criterion.of("cEtapeLogistique", Criterion.Operator.EQUALS, "devis_envoye")))
                .channel(channel).templateId("mail-devis").costCategory(CostCategory.AUTO_FOLLOW_UP)
                .defaultMode(Mode.ASSISTE).build();
    }

    private static List<String> types(JsonNode workflow) {
        List<String> types = new ArrayList<>();
        workflow.get("nodes").forEach(n -> types.add(n.get("type").asString()));
        return types;
    }

    private static JsonNode node(JsonNode workflow, String type) {
        for (JsonNode n : workflow.get("nodes")) {
            if (n.get("type").asString().equals(type)) {
                return n;
            }
        }
        throw new AssertionError("no " + type + " node");
    }

    @Test
    void a_delayed_scenario_becomes_webhook_then_wait_then_the_channel_call_back_to_max() {
        Scenario s = scenario(Scenario.Trigger.fieldChanged("Lead", "cEtapeLogistique", "devis_envoye"),
                Duration.ofDays(3), Channel.EMAIL);
        JsonNode workflow = mapper.readTree(builder.json("logistique", s));

        assertThat(types(workflow)).containsExactly("n8n-nodes-base.webhook", "n8n-nodes-base.wait",
                "n8n-nodes-base.httpRequest");
        JsonNode trigger = node(workflow, "n8n-nodes-base.webhook");
        assertThat(trigger.at("/parameters/path").asString()).isEqualTo(N8nWorkflowBuilder.WEBHOOK_PATH);
        assertThat(trigger.get("notes").asString()).isEqualTo("FIELD_CHANGED Lead.cEtapeLogistique = devis_envoye");
        JsonNode wait = node(workflow, "n8n-nodes-base.wait");
        assertThat(wait.at("/parameters/amount").asLong()).isEqualTo(3);
        assertThat(wait.at("/parameters/unit").asString()).isEqualTo("days");
        JsonNode channel = node(workflow, "n8n-nodes-base.httpRequest");
        assertThat(channel.get("name").asString()).isEqualTo("M.A.X. EMAIL");
        assertThat(channel.at("/parameters/url").asString()).isEqualTo(N8nWorkflowBuilder.CALLBACK_URL);
        assertThat(channel.at("/parameters/jsonBody").asString())
                .contains("scenario: 'logistique:relance-devis'", "channel: 'EMAIL'", "template: 'mail-devis'");

        assertThat(workflow.at("/connections/" + N8nWorkflowBuilder.TRIGGER + "/main/0/0/node").asString())
                .isEqualTo(N8nWorkflowBuilder.WAIT);
        assertThat(workflow.at("/connections/" + N8nWorkflowBuilder.WAIT + "/main/0/0/node").asString())
                .isEqualTo("M.A.X. EMAIL");
        assertThat(N8nWorkflowFile.problem(builder.json("logistique", s))).isEmpty();
    }

    @Test
    void hours_are_waited_in_hours_and_a_date_trigger_has_no_wait_node() {
        JsonNode hours = builder.build("ecommerce", scenario(Scenario.Trigger.created("Lead"), Duration.ofHours(2),
                Channel.WHATSAPP));
        assertThat(node(hours, "n8n-nodes-base.wait").at("/parameters/unit").asString()).isEqualTo("hours");
        assertThat(node(hours, "n8n-nodes-base.wait").at("/parameters/amount").asLong()).isEqualTo(2);

        JsonNode dayBefore = builder.build("logistique", scenario(Scenario.Trigger.date("Lead", "cDateLivraison"),
                Duration.ofDays(-1), Channel.SMS));
        assertThat(types(dayBefore)).containsExactly("n8n-nodes-base.webhook", "n8n-nodes-base.httpRequest");
        assertThat(dayBefore.at("/connections/" + N8nWorkflowBuilder.TRIGGER + "/main/0/0/node").asString())
                .isEqualTo("M.A.X. SMS");
    }

    @Test
    void the_ids_of_nodes_are_stable_across_builds() {
        Scenario s = scenario(Scenario.Trigger.created("Lead"), Duration.ofDays(1), Channel.EMAIL);
        assertThat(builder.json("coaching", s)).isEqualTo(builder.json("coaching", s));
        assertThat(builder.json("coaching", s)).isNotEqualTo(builder.json("beaute", s));
    }

    @Test
    void a_shipped_workflow_file_must_be_an_n8n_workflow() {
        assertThat(N8nWorkflowFile.problem("{\"nodes\": [}")).get()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(N8nWorkflowFile.Problem.Kind.UNREADABLE));
        assertThat(N8nWorkflowFile.problem("[1, 2]")).get()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(N8nWorkflowFile.Problem.Kind.NOT_A_WORKFLOW));
        assertThat(N8nWorkflowFile.problem("{\"nodes\": [{\"name\": \"x\"}], \"connections\": {}}")).get()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(N8nWorkflowFile.Problem.Kind.NODE_WITHOUT_NAME_OR_TYPE));
        assertThat(N8nWorkflowFile.problem("""
                {"nodes": [{"name": "Webhook", "type": "n8n-nodes-base.webhook"}], "connections": {}}""")).isEmpty();
    }
}
