package fr.macrea.max.creative;

/**
 * Who writes a creation's first version from a model and a topic. The seam of the assistant issue: when a tenant's
 * model provider is configured, its writer (a bean implementing this) says {@link #available()} and rewrites the
 * text in the brain's tone; until then {@link OfflineContentWriter} fills the model with the tenant's data.
 * {@link CreativeService} asks the writers in order and uses the first available one.
 */
public interface ContentWriter {

    /** What the writer knows of the tenant and the user (never another tenant's). */
    record Context(String tenantName, String userName) {
    }

    /**
     * @param byModel true when an AI model wrote it (shown to the user), false for the offline filling
     */
    record Written(String subject, String body, boolean byModel) {
    }

    /** Whether this writer can write for the current tenant now. */
    boolean available();

    Written write(CreaModel model, String topic, Context context);
}
