package fr.macrea.max.action;

import fr.macrea.max.shared.Message;

import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every {@link ActionDefinition} bean, by id. */
@Component
class ActionRegistry {

    private final Map<String, ActionDefinition<?, ?>> definitions = new LinkedHashMap<>();

    ActionRegistry(List<ActionDefinition<?, ?>> all) {
        for (ActionDefinition<?, ?> definition : all) {
            if (definitions.putIfAbsent(definition.id(), definition) != null) {
                throw new IllegalStateException("two actions share the id " + definition.id());
            }
        }
    }

    @SuppressWarnings("unchecked")
    <P, R> ActionDefinition<P, R> get(String id) {
        ActionDefinition<?, ?> definition = definitions.get(id);
        if (definition == null) {
            throw new ActionRefusedException(Message.of("action.unknown", id));
        }
        return (ActionDefinition<P, R>) definition;
    }

    /** The action, if some feature of this instance declares it (a priced action may not be installed). */
    Optional<ActionDefinition<?, ?>> find(String id) {
        return Optional.ofNullable(definitions.get(id));
    }

    Collection<ActionDefinition<?, ?>> all() {
        return definitions.values();
    }
}
