package fr.macrea.max.brain;

/** Where a brain jar stands in the platform. */
public enum BrainState {
    /** Loaded, validated, its contributions available to the tenants that activated it. */
    LOADED,
    /** Not loaded, with a reason (bad jar, bad manifest, incompatible API, invalid contributions, exception). */
    REFUSED,
    /** Loaded but switched off by a platform admin: hidden from every tenant. */
    DISABLED
}
