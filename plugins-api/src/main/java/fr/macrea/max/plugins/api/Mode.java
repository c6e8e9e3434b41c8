package fr.macrea.max.plugins.api;

/**
 * The M.A.X. modes of SPEC §3, as a default a brain proposes; the tenant's mode and the action pipeline decide.
 *
 * @since 1.0
 */
public enum Mode {
    /** Observe, analyse, suggest: read-only. */
    CONSEIL,
    /** Prepare drafts; nothing runs until a human validates. */
    ASSISTE,
    /** Execute, with guard rails. */
    AUTO
}
