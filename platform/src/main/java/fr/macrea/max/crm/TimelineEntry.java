package fr.macrea.max.crm;

import java.time.Instant;

/**
 * One item of a record's timeline: a note, task, call, meeting, e-mail or campaign log record.
 *
 * @param kind   {@code Note}, {@code Task}, {@code Call}, {@code Meeting}, {@code Email} or {@code CampaignLogRecord}
 * @param status the item's EspoCRM status or action (e.g. {@code Held}, {@code Completed}, {@code Opened})
 */
public record TimelineEntry(String kind, String id, String title, String status, String detail, Instant at) {
}
