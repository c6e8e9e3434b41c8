package fr.macrea.max.fields;

import fr.macrea.max.shared.Message;

/**
 * A field plan the tenant can propose: one per vertical brain.
 *
 * @param locked why the tenant cannot apply it (its plan and the add-on that unlock it), null when it can
 */
public record FieldPlanChoice(String brainId, String brainName, int fieldCount, int viewCount, Message locked) {

    public boolean applicable() {
        return locked == null;
    }
}
