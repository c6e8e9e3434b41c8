package fr.macrea.max.outbound;

import java.time.Instant;

/** A message of the outbox (the embedded adapter): what would have left the machine, headers included. */
public record OutboxMessage(long id, long sendId, String to, String subject, String body, String headers,
                            Instant createdAt) {
}
