package fr.macrea.max.plugins.api;

import java.time.Duration;

/**
 * n8n workflow templates for {@link Scenario#n8nWorkflow()}: M.A.X. calls the workflow's webhook when the
 * trigger fires, n8n waits the delay (n8n persists its waits, so J+3 survives restarts) and calls M.A.X. back, which
 * re-checks the conditions and runs the action through its pipeline (mode, tokens, consent). The platform fills the
 * placeholders {@code {{MAX_WEBHOOK_PATH}}} and {@code {{MAX_CALLBACK_URL}}} when it deploys the workflow.
 *
 * @since 1.0
 */
public final class N8nWorkflows {

    private N8nWorkflows() {
    }

    /**
     * A webhook -> wait -> callback workflow as n8n public-API JSON ({@code name}, {@code nodes},
     * {@code connections}, {@code settings}).
     *
     * @param scenarioId the scenario's stable id, echoed back in the callback
     * @param title      shown in n8n as {@code M.A.X. — <title>}
     * @param delay      how long n8n waits before calling back; zero for no wait
     */
    public static String callback(String scenarioId, String title, Duration delay) {
        long minutes = Math.abs(delay.toMinutes());
        boolean wait = minutes > 0;
        String unit = minutes % 1440 == 0 ? "days" : minutes % 60 == 0 ? "hours" : "minutes";
        long amount = unit.equals("days") ? minutes / 1440 : unit.equals("hours") ? minutes / 60 : minutes;
        StringBuilder json = new StringBuilder();
        json.append("{\"name\":\"M.A.X. — ").append(title.replace("\"", "'")).append("\",\"nodes\":[")
                .append("{\"id\":\"").append(scenarioId).append("-1\",\"name\":\"Déclencheur M.A.X.\",")
                .append("\"type\":\"n8n-nodes-base.webhook\",\"typeVersion\":2,\"position\":[0,0],")
                .append("\"parameters\":{\"httpMethod\":\"POST\",\"path\":\"{{MAX_WEBHOOK_PATH}}\",")
                .append("\"responseMode\":\"onReceived\",\"options\":{}}},");
        if (wait) {
            json.append("{\"id\":\"").append(scenarioId).append("-2\",\"name\":\"Attendre\",")
                    .append("\"type\":\"n8n-nodes-base.wait\",\"typeVersion\":1.1,\"position\":[220,0],")
                    .append("\"parameters\":{\"resume\":\"timeInterval\",\"amount\":").append(amount)
                    .append(",\"unit\":\"").append(unit).append("\"}},");
        }
        json.append("{\"id\":\"").append(scenarioId).append("-3\",\"name\":\"Rappel M.A.X.\",")
                .append("\"type\":\"n8n-nodes-base.httpRequest\",\"typeVersion\":4.2,\"position\":[440,0],")
                .append("\"parameters\":{\"method\":\"POST\",\"url\":\"{{MAX_CALLBACK_URL}}\",\"sendBody\":true,")
                .append("\"specifyBody\":\"json\",\"jsonBody\":\"={{ JSON.stringify({ scenario: '")
                .append(scenarioId).append("', record: $('Déclencheur M.A.X.').item.json.body }) }}\",\"options\":{}}}")
                .append("],\"connections\":{");
        if (wait) {
            json.append("\"Déclencheur M.A.X.\":{\"main\":[[{\"node\":\"Attendre\",\"type\":\"main\",\"index\":0}]]},")
                    .append("\"Attendre\":{\"main\":[[{\"node\":\"Rappel M.A.X.\",\"type\":\"main\",\"index\":0}]]}");
        } else {
            json.append("\"Déclencheur M.A.X.\":{\"main\":[[{\"node\":\"Rappel M.A.X.\",\"type\":\"main\",\"index\":0}]]}");
        }
        json.append("},\"settings\":{\"executionOrder\":\"v1\",\"saveExecutionProgress\":true}}");
        return json.toString();
    }
}
