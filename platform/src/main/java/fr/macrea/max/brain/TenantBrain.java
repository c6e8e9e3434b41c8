package fr.macrea.max.brain;

/**
 * A brain as the console shows it for one tenant.
 *
 * @param activated the tenant chose it (a stored activation)
 * @param entitled  the tenant's plan allows it
 * @param available the brain is loaded and not disabled
 */
public record TenantBrain(String id, String name, String version, boolean activated, boolean entitled,
                          boolean available) {

    /** Whether the tenant sees the brain's contributions right now. */
    public boolean active() {
        return activated && entitled && available;
    }
}
