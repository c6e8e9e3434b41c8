package fr.macrea.max.action;

import java.time.Instant;

/** One stored draft as the action services read it ({@link ActionLogRepository} maps the generated record to it). */
record DraftRow(long id, String actionId, String paramsJson, String summary, String reason, int quotedCost,
                String createdByName, Instant createdAt, DraftStatus status, Long actionLogId) {
}
