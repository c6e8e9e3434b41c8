package fr.macrea.max.brain;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** A started brain manager on a folder, without Spring (also called reflectively from another class loader). */
public final class BrainHosts {

    private BrainHosts() {
    }

    public static BrainManager manager(Path dir) {
        BrainManager manager = new BrainManager(BrainProperties.of(dir, Duration.ofMillis(100), false,
                Duration.ofSeconds(10)), Clock.systemUTC(), event -> { }, BrainSwitches.inMemory());
        manager.start();
        return manager;
    }
}
