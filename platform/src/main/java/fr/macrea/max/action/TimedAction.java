package fr.macrea.max.action;

import java.time.Duration;

/** Implemented by an {@link ActionDefinition} that needs its own time limit instead of {@code max.action.timeout}. */
public interface TimedAction {

    Duration timeout();
}
