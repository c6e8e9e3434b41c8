package fr.macrea.max.suggestion;

import fr.macrea.max.shared.Message;

import java.util.Map;

/**
 * A data-driven suggestion ("12 leads non relancés depuis 5 jours") and the AI action that answers it. Title and
 * detail are messages the UI renders in the user's language.
 *
 * @param actionId     the action pipeline's action id (e.g. {@code automation.follow-up}) the "Créer une action IA"
 *                     button opens the action card for
 * @param actionParams prefill of the action (segment, lead ids, ...), JSON-friendly
 * @param origin       "M.A.X." for the standard ones, the brain's name for a brain routine
 */
public record Suggestion(String id, Message title, Message detail, int count, String actionId,
                         Map<String, Object> actionParams, String origin) {

    public Suggestion {
        actionParams = actionParams == null ? Map.of() : Map.copyOf(actionParams);
    }
}
