package fr.macrea.max.fields;

import java.util.Map;

/**
 * What undoing a migration would remove: per added field, the records holding a value in it now.
 */
public record UndoCheck(long projectId, Map<String, Long> filledByField) {

    public UndoCheck {
        filledByField = Map.copyOf(filledByField);
    }

    public boolean dataWritten() {
        return filledByField.values().stream().anyMatch(n -> n > 0);
    }

    public long filledRecords() {
        return filledByField.values().stream().mapToLong(Long::longValue).sum();
    }
}
