package fr.macrea.max.plugins.api;

import java.util.List;
import java.util.Objects;

/**
 * A data-driven suggestion: when at least {@code minimum} records of {@code entity} meet {@code conditions}, the
 * platform shows {@code text} (where {@code {count}} is replaced by their number) with a button proposing
 * {@code action}.
 *
 * <p>
 * Brains create it and its {@link ProposedAction} with the {@code of} factories; the canonical constructors are not
 * part of the brain-facing contract (they gain a parameter whenever a component is added in a minor release).
 *
 * @param id stable identifier, unique within the brain
 * @param text FR/EN text, may contain {@code {count}}
 * @param minimum the smallest number of matching records that makes the suggestion worth showing (at least 1)
 * @param action what the "Créer une action IA" button proposes
 * @since 1.0
 */
public record SuggestionRoutine(String id, Label text, String entity, List<Criterion> conditions, int minimum,
                                ProposedAction action) {

    public SuggestionRoutine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(entity, "entity");
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(action, "action");
    }

    public static SuggestionRoutine of(String id, Label text, String entity, List<Criterion> conditions, int minimum,
                                       ProposedAction action) {
        return new SuggestionRoutine(id, text, entity, conditions, minimum, action);
    }

    /**
     * The action a suggestion proposes.
     *
     * @param kind what to do
     * @param reference the scenario id (RUN_SCENARIO), the template id (DRAFT_MESSAGE) or empty
     * @param label the button text
     * @param mode the mode the action runs in by default
     * @since 1.0
     */
    public record ProposedAction(Kind kind, String reference, Label label, Mode mode) {
        public ProposedAction {
            Objects.requireNonNull(kind, "kind");
            reference = reference == null ? "" : reference;
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(mode, "mode");
        }

        public static ProposedAction of(Kind kind, String reference, Label label, Mode mode) {
            return new ProposedAction(kind, reference, label, mode);
        }

        /** @since 1.0 */
        public enum Kind { RUN_SCENARIO, DRAFT_MESSAGE, ANALYSE_LEADS, CREATE_TASKS }
    }
}
