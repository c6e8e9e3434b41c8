package fr.macrea.max.outbound;

import java.time.Instant;

/** A stored send as the batches read it ({@link OutboundRepository} maps the generated record to it). */
record SendRow(long id, long actionLogId, String templateId, String templateName, String subject, String body,
               boolean html, String campaignId, String adapter, String status, int units, int batches,
               Instant scheduledAt, String createdBy, Instant createdAt) {
}
