package fr.macrea.max.action;

/**
 * What happened to a request.
 *
 * @param cost     tokens charged (0 unless COMPLETED)
 * @param message  French, for the user (why it failed, where the draft is, ...)
 * @param replayed true when this is the stored outcome of an earlier request with the same idempotency key
 */
public record ActionOutcome<R>(ActionStatus status, long actionLogId, Long draftId, R result, int cost,
                               String message, boolean replayed) {

    public boolean completed() {
        return status == ActionStatus.COMPLETED;
    }
}
