package fr.macrea.max.action;

import fr.macrea.max.shared.Message;

/**
 * What happened to a request.
 *
 * @param cost     tokens charged (0 unless COMPLETED)
 * @param message  for the user (why it failed, where the draft is, ...), rendered by the UI in the user's language
 * @param replayed true when this is the stored outcome of an earlier request with the same idempotency key
 */
public record ActionOutcome<R>(ActionStatus status, long actionLogId, Long draftId, R result, int cost,
                               Message message, boolean replayed) {

    public boolean completed() {
        return status == ActionStatus.COMPLETED;
    }
}
