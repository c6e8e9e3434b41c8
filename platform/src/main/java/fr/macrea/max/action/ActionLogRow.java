package fr.macrea.max.action;

import fr.macrea.max.crm.EntityRef;

import java.time.Instant;

/**
 * One row of the action log as the action services read it ({@link ActionLogRepository} maps the generated record
 * to it, so jOOQ stays in the repository). {@code reason} is a stored message (see {@link Json#readMessage}).
 */
record ActionLogRow(long id, String actionId, ActionKind kind, String userName, Mode mode, String summary,
                    EntityRef target, int cost, Long reservationId, ActionStatus status, String reason,
                    String resultJson, String writesJson, Long draftId, Instant startedAt, Long durationMs) {
}
