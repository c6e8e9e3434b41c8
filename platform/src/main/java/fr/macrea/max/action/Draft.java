package fr.macrea.max.action;

import fr.macrea.max.shared.Message;

import java.time.Instant;

/** An action prepared in Assisté mode (or downgraded from Auto), waiting for a human. */
public record Draft(long id, String actionId, Message label, Message summary, Message reason, int quotedCost,
                    String createdBy, Instant createdAt, DraftStatus status, Long actionLogId) {
}
