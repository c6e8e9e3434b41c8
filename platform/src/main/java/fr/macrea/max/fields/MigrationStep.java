package fr.macrea.max.fields;

import fr.macrea.max.shared.Message;

/**
 * One step of a migration: a field added (its columns, or its Field Manager call and the replica's columns), a view
 * saved, the plan's tags recorded, or EspoCRM's rebuild.
 *
 * @param index   1-based order of application; reversal goes newest first
 * @param command what runs, as shown to the admin (SQL, or the HTTP call)
 * @param error   why it failed (null unless FAILED)
 */
public record MigrationStep(int index, Kind kind, String entity, String name, String command, StepState state,
                            Message error) {

    public enum Kind { FIELD, VIEW, TAGS, REBUILD }
}
