package fr.macrea.max.plugins.api;

/**
 * What the host hands a brain when it asks for its contributions. Deliberately small: a brain learns nothing about
 * tenants, users, databases or the host's framework.
 *
 * @since 1.0
 */
public interface BrainContext {

    /** The API version the host implements, e.g. {@code 2.0.0}. */
    String apiVersion();

    /** The {@code Plugin-Id} of the brain's own manifest. */
    String brainId();
}
