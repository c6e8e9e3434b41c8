package fr.macrea.max.crm;

import java.util.Set;

/** Consent flags of a lead or contact: e-mail opt-out, do-not-call, and the target lists it opted out of. */
public record Consent(boolean emailOptedOut, boolean doNotCall, Set<String> optedOutTargetListIds) {

    public Consent {
        optedOutTargetListIds = Set.copyOf(optedOutTargetListIds);
    }
}
