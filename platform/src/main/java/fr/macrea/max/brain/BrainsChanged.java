package fr.macrea.max.brain;

/**
 * Published after a scan of the brains folder loaded, refused or unloaded something, so that caches of brain
 * contributions (catalogues, suggestion read models) can refresh.
 *
 * @param loaded   ids loaded by this scan
 * @param unloaded ids unloaded by this scan (jar removed, replaced or refused after a change)
 */
public record BrainsChanged(java.util.Set<String> loaded, java.util.Set<String> unloaded) {
}
