package fr.macrea.max.brain;

import java.time.Instant;

/**
 * What the platform console shows for one jar of the brains folder.
 *
 * @param id       the {@code Plugin-Id}, or the file name when the jar could not even be read
 * @param version  the {@code Plugin-Version}, empty if unknown
 * @param file     the jar's file name
 * @param state    loaded, refused or disabled
 * @param reasonFr why it was refused, in French (empty otherwise)
 * @param reasonEn the same in English
 * @param name     the brain's display name once loaded, else the id
 * @param since    when this state was reached
 */
public record BrainStatus(String id, String version, String file, BrainState state, String reasonFr, String reasonEn,
                          String name, Instant since) {

    static BrainStatus refused(String id, String version, String file, Refusal refusal, Instant at) {
        return new BrainStatus(id, version, file, BrainState.REFUSED, refusal.fr(), refusal.en(), id, at);
    }

    BrainStatus withState(BrainState newState, Instant at) {
        return new BrainStatus(id, version, file, newState, reasonFr, reasonEn, name, at);
    }
}
