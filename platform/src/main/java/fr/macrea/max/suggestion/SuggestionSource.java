package fr.macrea.max.suggestion;

import java.util.List;

/**
 * Produces suggestions for the tenant of the current principal. The standard source is built in; the active brains'
 * routines are another source. Sources only read; they are called when the cache of a tenant is cold.
 */
public interface SuggestionSource {

    List<Suggestion> suggestions();
}
