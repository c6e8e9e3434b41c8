package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;

import java.time.Duration;
import java.time.Instant;

/**
 * Replica sync state of one EspoCRM entity type for the current tenant: last success, lag (time since the last
 * successful pull), last error (a message the UI renders in the user's language, null when the last attempt succeeded) and records copied so far.
 */
public record CrmSyncStatus(String entityType, Instant lastSuccessAt, Instant lastAttemptAt, Instant cursor,
                            Duration lag, Message lastError, long recordsSynced) {

    public boolean healthy() {
        return lastError == null;
    }
}
