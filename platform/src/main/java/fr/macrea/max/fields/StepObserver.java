package fr.macrea.max.fields;

/**
 * Told before each step of a migration runs. No production bean implements it: tests inject a failure or a crash
 * at step k of n through it, so that rollback and start-up recovery are tested on the real schema.
 */
interface StepObserver {

    void beforeStep(long projectId, MigrationStep step);
}
