package fr.macrea.max.brain;

/**
 * One contribution with the brain it comes from; {@link #key()} ({@code <brain>:<id>}) is unique and stable across
 * brains, so features can store references to templates, scenarios or KPIs.
 */
public record Contributed<T>(String brainId, String brainName, String id, T item) {

    public String key() {
        return brainId + ":" + id;
    }
}
