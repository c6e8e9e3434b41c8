package fr.macrea.max.outbound;

/**
 * One person of a send as the view shows it: {@code status} PENDING, SENDING, SENT, SKIPPED or FAILED,
 * {@code reason} a {@link SkipReason} name (or SMTP_REJECTED, INTERRUPTED for failures), {@code evidence} the
 * consent facts the check relied on.
 */
public record SendRecipient(String entityType, String entityId, String name, String address, String status,
                            String reason, String evidence) {
}
