package fr.macrea.max.brain;

import java.util.Set;

/**
 * Which brains a platform admin switched off, for every node at once: the database in the application
 * ({@link BrainStateRepository}), a map in tests that run the manager without Spring.
 */
interface BrainSwitches {

    /** The ids of the disabled brains now. */
    Set<String> disabled();

    void set(String brainId, boolean disabled, String by);

    /** Kept in memory only: for tests and tools that run a manager without a database. */
    static BrainSwitches inMemory() {
        Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        return new BrainSwitches() {
            @Override
            public Set<String> disabled() {
                return Set.copyOf(ids);
            }

            @Override
            public void set(String brainId, boolean disabled, String by) {
                if (disabled) {
                    ids.add(brainId);
                } else {
                    ids.remove(brainId);
                }
            }
        };
    }
}
