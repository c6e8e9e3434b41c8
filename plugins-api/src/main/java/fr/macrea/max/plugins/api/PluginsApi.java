package fr.macrea.max.plugins.api;

/**
 * Facts about this API that the host and brains share.
 *
 * @since 1.0
 */
public final class PluginsApi {

    /**
     * The semantic version of this API (the root pom's {@code max.plugins-api.version}). The host checks each brain's
     * {@code Plugin-Requires} range (e.g. {@code >=2.0.0 & <3.0.0}) against it and refuses a brain that does not match.
     */
    public static final String VERSION = "2.0.0";

    /** The id of the universal brain, available on every plan; every other brain is a vertical ("fiche métier"). */
    public static final String STANDARD_BRAIN_ID = "standard";

    private PluginsApi() {
    }
}
