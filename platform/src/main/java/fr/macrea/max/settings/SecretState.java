package fr.macrea.max.settings;

import java.time.Instant;

/** Whether a secret is saved, and since when: all a screen ever learns about it. */
public record SecretState(Instant setAt) {

    public static final SecretState NONE = new SecretState(null);

    public boolean set() {
        return setAt != null;
    }
}
