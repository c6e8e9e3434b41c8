package fr.macrea.max.action;

/**
 * A request to run an action for the signed-in user, in their current mode.
 *
 * @param idempotencyKey  chosen by the caller per user intent (e.g. one per click); a replay returns the first
 *                        outcome and is never charged twice
 * @param confirmed       the user confirmed the action card
 * @param doubleConfirmed the second, explicit confirmation that Auto writes require
 * @param untrustedInput  text from outside (lead notes, inbound messages, web forms) is in the AI's context:
 *                        an Auto write becomes a draft (SPEC §3, autonomy drop)
 */
public record ActionRequest<P>(String actionId, P params, String idempotencyKey, boolean confirmed,
                               boolean doubleConfirmed, boolean untrustedInput) {

    public static <P> ActionRequest<P> of(String actionId, P params, String idempotencyKey) {
        return new ActionRequest<>(actionId, params, idempotencyKey, true, false, false);
    }

    public ActionRequest<P> withDoubleConfirmation() {
        return new ActionRequest<>(actionId, params, idempotencyKey, true, true, untrustedInput);
    }

    public ActionRequest<P> withUntrustedInput() {
        return new ActionRequest<>(actionId, params, idempotencyKey, confirmed, doubleConfirmed, true);
    }
}
