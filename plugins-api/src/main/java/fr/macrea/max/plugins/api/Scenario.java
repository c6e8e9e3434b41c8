package fr.macrea.max.plugins.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An automation a tenant can activate from the scenario catalogue, declared as data: when {@code trigger} fires
 * and, after {@code delay}, the record still meets {@code conditions}, send {@code templateId} on {@code channel}.
 * The platform runs it through the action pipeline (entitlement, mode, quote on {@code costCategory}, tokens) and
 * builds the n8n workflow itself from these fields, so an n8n node version change never touches this API.
 *
 * @param id stable identifier, unique within the brain
 * @param description what it does, FR/EN
 * @param trigger the CRM event that starts it
 * @param delay wait after the trigger (zero for immediately; negative = before a date trigger, e.g. J-1)
 * @param conditions conditions re-checked when the delay is over (e.g. "no reply yet")
 * @param channel the channel of the resulting action
 * @param templateId the id of a {@link CreativeTemplate} of the same brain, empty if none
 * @param costCategory the price table line each run is charged on
 * @param defaultMode the mode proposed when a tenant activates it
 * @param n8nWorkflowResource empty (the usual case: the platform generates the workflow), or the path of an n8n
 *                            workflow JSON file inside the brain's jar (e.g. {@code n8n/relance-devis.json}) for a
 *                            scenario that needs custom nodes; the host reads and validates it when it loads the
 *                            brain. Values the platform fills at deployment are written {@code {{MAX_CALLBACK_URL}}}
 *                            / {@code {{MAX_WEBHOOK_PATH}}}
 * @since 1.0
 */
public record Scenario(String id, Label name, Label description, Trigger trigger, Duration delay,
                       List<Criterion> conditions, Channel channel, String templateId, CostCategory costCategory,
                       Mode defaultMode, String n8nWorkflowResource) {

    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(trigger, "trigger");
        delay = delay == null ? Duration.ZERO : delay;
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(channel, "channel");
        templateId = templateId == null ? "" : templateId;
        Objects.requireNonNull(costCategory, "costCategory");
        Objects.requireNonNull(defaultMode, "defaultMode");
        n8nWorkflowResource = n8nWorkflowResource == null ? "" : n8nWorkflowResource;
    }

    /**
     * What starts a scenario.
     *
     * @param type the kind of event
     * @param entity the EspoCRM entity type watched
     * @param field for FIELD_CHANGED / DATE_FIELD the field; else empty
     * @param value for FIELD_CHANGED the new value that fires it (empty: any change)
     * @since 1.0
     */
    public record Trigger(Type type, String entity, String field, String value) {
        public Trigger {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(entity, "entity");
            field = field == null ? "" : field;
            value = value == null ? "" : value;
        }

        public static Trigger created(String entity) {
            return new Trigger(Type.RECORD_CREATED, entity, "", "");
        }

        public static Trigger fieldChanged(String entity, String field, String value) {
            return new Trigger(Type.FIELD_CHANGED, entity, field, value);
        }

        /** Fires relative to a date field (use the scenario's delay for J-1 / J+1). */
        public static Trigger date(String entity, String field) {
            return new Trigger(Type.DATE_FIELD, entity, field, "");
        }

        /** @since 1.0 */
        public enum Type { RECORD_CREATED, FIELD_CHANGED, DATE_FIELD, MANUAL }
    }
}
