package fr.macrea.max.fields;

import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;

import java.util.List;

/** A field plan refused before anything ran, with every rule it breaks (each a message for the user). */
public class FieldsException extends LocalizedException {

    private final transient List<Message> reasons;

    public FieldsException(Message summary, List<Message> reasons) {
        super(summary);
        this.reasons = List.copyOf(reasons);
    }

    public List<Message> reasons() {
        return reasons;
    }
}
