package fr.macrea.max.outbound;

import fr.macrea.max.shared.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The messages of send counts: the reasons are listed only when there are some, in the enum's order. */
final class OutboundTexts {

    private OutboundTexts() {
    }

    static Message summary(String key, int reached, Map<SkipReason, Integer> excluded) {
        int total = excluded.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return Message.of(key + ".none-excluded", reached);
        }
        List<Message> parts = new ArrayList<>();
        for (SkipReason reason : SkipReason.values()) {
            int n = excluded.getOrDefault(reason, 0);
            if (n > 0) {
                parts.add(Message.of("outbound.reason.count", reason.label(), n));
            }
        }
        return Message.of(key, reached, total, Message.of("outbound.reasons." + parts.size(), parts.toArray()));
    }
}
