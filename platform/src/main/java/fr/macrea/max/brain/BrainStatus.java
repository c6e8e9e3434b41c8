package fr.macrea.max.brain;

import fr.macrea.max.shared.Message;

import java.time.Instant;

/**
 * What the platform console shows for one jar of the brains folder.
 *
 * @param id      the {@code Plugin-Id}, or the file name when the jar could not even be read
 * @param version the {@code Plugin-Version}, empty if unknown
 * @param file    the jar's file name
 * @param state   loaded, refused or disabled
 * @param reason  why it was refused (keys of {@code i18n/brain.properties}); null unless refused
 * @param name    the brain's display name once loaded, else the id
 * @param since   when this state was reached
 */
public record BrainStatus(String id, String version, String file, BrainState state, Message reason, String name,
                          Instant since) {

    static BrainStatus refused(String id, String version, String file, Message reason, Instant at) {
        return new BrainStatus(id, version, file, BrainState.REFUSED, reason, id, at);
    }

    BrainStatus withState(BrainState newState) {
        return new BrainStatus(id, version, file, newState, reason, name, since);
    }
}
