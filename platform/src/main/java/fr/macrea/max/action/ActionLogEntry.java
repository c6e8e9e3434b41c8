package fr.macrea.max.action;

import fr.macrea.max.shared.Message;

import fr.macrea.max.crm.EntityRef;

import java.time.Instant;

/** One row of the action log as views see it. */
public record ActionLogEntry(long id, String actionId, Message label, ActionKind kind, String userName, Mode mode,
                             Message summary, EntityRef target, int cost, ActionStatus status, Message reason,
                             Instant startedAt, Long durationMs, Long draftId, boolean undoable) {
}
