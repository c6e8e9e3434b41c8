package fr.macrea.max.brain;

import fr.macrea.max.shared.Message;
import fr.macrea.max.testing.Texts;

/**
 * Renders messages the way the UI's i18n provider does, from every platform bundle (a brain's refusal may nest an
 * add-on or plan label of another feature), so tests read the text a user reads.
 */
final class BrainMessages {

    private BrainMessages() {
    }

    static String fr(Message message) {
        return Texts.fr(message);
    }

    static String en(Message message) {
        return Texts.en(message);
    }
}
