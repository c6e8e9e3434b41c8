package fr.macrea.max.action;

import fr.macrea.max.crm.EntityRef;

/** A field changed by someone after the action: current value, and the value undo would put back. */
public record UndoConflict(EntityRef record, String field, String currentValue, String restoredValue) {
}
