package fr.macrea.max.crm;

import java.time.Duration;
import java.time.Instant;

/**
 * Replica sync state of one EspoCRM entity type for the current tenant: last success, lag (time since the last
 * successful pull), last error (French, empty when the last attempt succeeded) and records copied so far.
 */
public record CrmSyncStatus(String entityType, Instant lastSuccessAt, Instant lastAttemptAt, Instant cursor,
                            Duration lag, String lastError, long recordsSynced) {

    public boolean healthy() {
        return lastError == null;
    }
}
