package fr.macrea.max.outbound;

import fr.macrea.max.shared.Message;

import java.util.EnumMap;
import java.util.Map;

/**
 * The dry run of a send: who would get it and who is excluded, by reason, before anything is charged; the same
 * counts the send reports after it ran.
 *
 * @param units the started hundreds of eligible recipients: what the send is charged for
 */
public record SendPlan(String templateName, int eligible, Map<SkipReason, Integer> excluded, int units) {

    public SendPlan {
        EnumMap<SkipReason, Integer> copy = new EnumMap<>(SkipReason.class);
        copy.putAll(excluded);
        excluded = java.util.Collections.unmodifiableMap(copy);
    }

    public static int unitsFor(int eligible) {
        return (eligible + 99) / 100;
    }

    public int excludedTotal() {
        return excluded.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** "envoyé à 812, 37 exclus (opt-out 30, sans consentement 7)". */
    public Message summary() {
        return OutboundTexts.summary("outbound.plan.summary", eligible, excluded);
    }
}
