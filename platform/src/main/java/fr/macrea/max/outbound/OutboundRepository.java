package fr.macrea.max.outbound;

import fr.macrea.max.db.platform.tables.records.OutboundRecipientRecord;
import fr.macrea.max.db.platform.tables.records.OutboundSendRecord;
import fr.macrea.max.persistence.TenantInsert;
import fr.macrea.max.persistence.TenantScope;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static fr.macrea.max.db.platform.Tables.OUTBOUND_LINK;
import static fr.macrea.max.db.platform.Tables.OUTBOUND_MESSAGE;
import static fr.macrea.max.db.platform.Tables.OUTBOUND_RECIPIENT;
import static fr.macrea.max.db.platform.Tables.OUTBOUND_SEND;

/**
 * The current tenant's sends, recipients, links and outbox, through {@link TenantScope}. Writes of many rows are
 * multi-row inserts (one statement per chunk), so a 50 000-recipient send is a few hundred statements.
 */
@Repository
class OutboundRepository {

    static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String SKIPPED = "SKIPPED";
    static final String FAILED = "FAILED";
    private static final int CHUNK = 500;

    private final TenantScope scope;

    OutboundRepository(TenantScope scope) {
        this.scope = scope;
    }

    long insertSend(long actionLogId, String templateId, String templateName, String subject, String body,
                    boolean html, String campaignId, String adapter, int units, int batches, Instant scheduledAt,
                    String createdBy, Instant now) {
        return scope.insertInto(OUTBOUND_SEND).set(OUTBOUND_SEND.ACTION_LOG_ID, actionLogId)
                .set(OUTBOUND_SEND.TEMPLATE_ID, templateId).set(OUTBOUND_SEND.TEMPLATE_NAME, clip(templateName, 255))
                .set(OUTBOUND_SEND.SUBJECT, clip(subject, 255)).set(OUTBOUND_SEND.BODY, body)
                .set(OUTBOUND_SEND.IS_HTML, html).set(OUTBOUND_SEND.CAMPAIGN_ID, campaignId)
                .set(OUTBOUND_SEND.ADAPTER, adapter).set(OUTBOUND_SEND.STATUS, "SCHEDULED")
                .set(OUTBOUND_SEND.UNITS, units).set(OUTBOUND_SEND.BATCHES, batches)
                .set(OUTBOUND_SEND.SCHEDULED_AT, utc(scheduledAt)).set(OUTBOUND_SEND.CREATED_BY_NAME, clip(createdBy, 120))
                .set(OUTBOUND_SEND.CREATED_AT, utc(now))
                .returning(OUTBOUND_SEND.ID).fetchOne(OUTBOUND_SEND.ID);
    }

    /** The recipients in chunks of multi-row inserts; eligible ones get their batch number. */
    void insertRecipients(long sendId, List<NewRecipient> recipients, List<Integer> batchNos, List<String> tokens) {
        for (int from = 0; from < recipients.size(); from += CHUNK) {
            TenantInsert<OutboundRecipientRecord> insert = scope.insertInto(OUTBOUND_RECIPIENT,
                    OUTBOUND_RECIPIENT.SEND_ID, OUTBOUND_RECIPIENT.BATCH_NO, OUTBOUND_RECIPIENT.ENTITY_TYPE,
                    OUTBOUND_RECIPIENT.ENTITY_ID, OUTBOUND_RECIPIENT.NAME, OUTBOUND_RECIPIENT.ADDRESS,
                    OUTBOUND_RECIPIENT.STATUS, OUTBOUND_RECIPIENT.REASON, OUTBOUND_RECIPIENT.EVIDENCE,
                    OUTBOUND_RECIPIENT.TOKEN, OUTBOUND_RECIPIENT.LOGGED);
            for (int i = from; i < Math.min(recipients.size(), from + CHUNK); i++) {
                NewRecipient r = recipients.get(i);
                insert.values(sendId, batchNos.get(i), r.entityType(), r.entityId(), clip(r.name(), 255),
                        clip(r.address(), 255), r.reason() == null ? PENDING : SKIPPED,
                        r.reason() == null ? null : r.reason().name(), clip(r.evidence(), 255), tokens.get(i),
                        r.reason() != null);
            }
            insert.execute();
        }
    }

    void insertLinks(long sendId, List<String> urls) {
        var insert = scope.insertInto(OUTBOUND_LINK, OUTBOUND_LINK.SEND_ID, OUTBOUND_LINK.LINK_NO, OUTBOUND_LINK.URL);
        for (int i = 0; i < urls.size(); i++) {
            insert.values(sendId, i, clip(urls.get(i), 2000));
        }
        insert.execute();
    }

    List<String> links(long sendId) {
        return scope.selectFrom(OUTBOUND_LINK).and(OUTBOUND_LINK.SEND_ID.eq(sendId)).orderBy(OUTBOUND_LINK.LINK_NO)
                .fetch(OUTBOUND_LINK.URL);
    }

    Optional<SendRow> send(long id) {
        return scope.selectFrom(OUTBOUND_SEND).and(OUTBOUND_SEND.ID.eq(id)).fetchOptional().map(OutboundRepository::toSend);
    }

    List<SendRow> sends(int limit) {
        return scope.selectFrom(OUTBOUND_SEND).orderBy(OUTBOUND_SEND.ID.desc()).limit(limit).fetch()
                .map(OutboundRepository::toSend);
    }

    /** The batch's pending recipients, locked until the caller's transaction ends (no two runners take one). */
    List<RecipientRow> lockPending(long sendId, int batchNo) {
        return scope.selectFrom(OUTBOUND_RECIPIENT).and(OUTBOUND_RECIPIENT.SEND_ID.eq(sendId))
                .and(OUTBOUND_RECIPIENT.BATCH_NO.eq(batchNo)).and(OUTBOUND_RECIPIENT.STATUS.eq(PENDING))
                .orderBy(OUTBOUND_RECIPIENT.ID).forUpdate().fetch().map(OutboundRepository::toRecipient);
    }

    /** Pending recipients of a batch whose EspoCRM Email row is not created yet, locked (call in a transaction). */
    List<RecipientRow> pendingWithoutEmail(long sendId, int batchNo) {
        return scope.selectFrom(OUTBOUND_RECIPIENT).and(OUTBOUND_RECIPIENT.SEND_ID.eq(sendId))
                .and(OUTBOUND_RECIPIENT.BATCH_NO.eq(batchNo)).and(OUTBOUND_RECIPIENT.STATUS.eq(PENDING))
                .and(OUTBOUND_RECIPIENT.EMAIL_ID.isNull()).orderBy(OUTBOUND_RECIPIENT.ID).forUpdate().fetch()
                .map(OutboundRepository::toRecipient);
    }

    /** Delivered recipients whose CRM side (Email row Sent, campaign log) is not written yet, locked (in a transaction). */
    List<RecipientRow> sentNotLogged(long sendId, int batchNo) {
        return scope.selectFrom(OUTBOUND_RECIPIENT).and(OUTBOUND_RECIPIENT.SEND_ID.eq(sendId))
                .and(OUTBOUND_RECIPIENT.BATCH_NO.eq(batchNo)).and(OUTBOUND_RECIPIENT.STATUS.eq(SENT))
                .and(OUTBOUND_RECIPIENT.LOGGED.isFalse()).orderBy(OUTBOUND_RECIPIENT.ID).forUpdate().fetch()
                .map(OutboundRepository::toRecipient);
    }

    void setStatus(Collection<Long> ids, String status, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        var update = scope.update(OUTBOUND_RECIPIENT).set(OUTBOUND_RECIPIENT.STATUS, status);
        if (SENT.equals(status)) {
            update = update.set(OUTBOUND_RECIPIENT.SENT_AT, utc(at));
        } else if (SENDING.equals(status)) {
            update = update.set(OUTBOUND_RECIPIENT.CLAIMED_AT, utc(at));
        }
        update.where(OUTBOUND_RECIPIENT.ID.in(ids)).execute();
    }

    /** A recipient excluded or failed for good: it stays out, with the reason and the evidence looked at. */
    void close(long id, String status, String reason, String evidence) {
        scope.update(OUTBOUND_RECIPIENT).set(OUTBOUND_RECIPIENT.STATUS, status).set(OUTBOUND_RECIPIENT.REASON, reason)
                .set(OUTBOUND_RECIPIENT.EVIDENCE, clip(evidence, 255)).set(OUTBOUND_RECIPIENT.LOGGED, true)
                .where(OUTBOUND_RECIPIENT.ID.eq(id)).execute();
    }

    /**
     * SMTP recipients left SENDING by a crash: the server may or may not have taken the message, so they are never
     * sent again (no duplicate), and count as failed (refunded).
     */
    int failInterrupted(long sendId, int batchNo, Instant claimedBefore) {
        return scope.update(OUTBOUND_RECIPIENT).set(OUTBOUND_RECIPIENT.STATUS, FAILED)
                .set(OUTBOUND_RECIPIENT.REASON, "INTERRUPTED").set(OUTBOUND_RECIPIENT.LOGGED, true)
                .where(OUTBOUND_RECIPIENT.SEND_ID.eq(sendId)).and(OUTBOUND_RECIPIENT.BATCH_NO.eq(batchNo))
                .and(OUTBOUND_RECIPIENT.STATUS.eq(SENDING)).and(OUTBOUND_RECIPIENT.CLAIMED_AT.lt(utc(claimedBefore)))
                .execute();
    }

    void setEmailId(long id, String emailId) {
        scope.update(OUTBOUND_RECIPIENT).set(OUTBOUND_RECIPIENT.EMAIL_ID, emailId).where(OUTBOUND_RECIPIENT.ID.eq(id))
                .execute();
    }

    /** The EspoCRM Email rows of many recipients: one statement per chunk (a CASE on the recipient's id). */
    void setEmailIds(Map<Long, String> emailIds) {
        List<Map.Entry<Long, String>> all = List.copyOf(emailIds.entrySet());
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Map.Entry<Long, String>> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            var byId = DSL.choose(OUTBOUND_RECIPIENT.ID);
            org.jooq.CaseWhenStep<Long, String> cases = null;
            for (Map.Entry<Long, String> e : chunk) {
                cases = cases == null ? byId.when(e.getKey(), DSL.val(e.getValue()))
                        : cases.when(e.getKey(), DSL.val(e.getValue()));
            }
            scope.update(OUTBOUND_RECIPIENT).set(OUTBOUND_RECIPIENT.EMAIL_ID, cases.otherwise(OUTBOUND_RECIPIENT.EMAIL_ID))
                    .where(OUTBOUND_RECIPIENT.ID.in(chunk.stream().map(Map.Entry::getKey).toList())).execute();
        }
    }

    void markLogged(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            scope.update(OUTBOUND_RECIPIENT).set(OUTBOUND_RECIPIENT.LOGGED, true)
                    .where(OUTBOUND_RECIPIENT.ID.in(all.subList(from, Math.min(all.size(), from + CHUNK)))).execute();
        }
    }

    /** Recipients per status, and the skipped and failed ones per reason (keys "SENT", "SKIPPED:NO_CONSENT", ...). */
    Map<String, Integer> counts(long sendId) {
        Map<String, Integer> out = new LinkedHashMap<>();
        scope.select(OUTBOUND_RECIPIENT.STATUS, OUTBOUND_RECIPIENT.REASON, DSL.count()).from(OUTBOUND_RECIPIENT)
                .and(OUTBOUND_RECIPIENT.SEND_ID.eq(sendId))
                .groupBy(OUTBOUND_RECIPIENT.STATUS, OUTBOUND_RECIPIENT.REASON).fetch()
                .forEach(r -> {
                    String status = r.get(OUTBOUND_RECIPIENT.STATUS);
                    String reason = r.get(OUTBOUND_RECIPIENT.REASON);
                    int n = r.get(2, Integer.class);
                    out.merge(status, n, Integer::sum);
                    if (reason != null) {
                        out.merge(status + ":" + reason, n, Integer::sum);
                    }
                });
        return out;
    }

    /** Whether some recipient of one batch still waits for delivery (an index range on the batch and status). */
    boolean waiting(long sendId, int batchNo) {
        return scope.selectFrom(OUTBOUND_RECIPIENT).and(OUTBOUND_RECIPIENT.SEND_ID.eq(sendId))
                .and(OUTBOUND_RECIPIENT.BATCH_NO.eq(batchNo)).and(OUTBOUND_RECIPIENT.STATUS.in(PENDING, SENDING))
                .limit(1).fetchOptional().isPresent();
    }

    /** Whether some recipient of the send still waits for delivery or for its CRM side. */
    boolean open(long sendId) {
        // the first such row is enough (asked after every batch: counting them all re-read the whole send each time)
        return scope.selectFrom(OUTBOUND_RECIPIENT).and(OUTBOUND_RECIPIENT.SEND_ID.eq(sendId))
                .and(OUTBOUND_RECIPIENT.STATUS.in(PENDING, SENDING)
                        .or(OUTBOUND_RECIPIENT.STATUS.eq(SENT).and(OUTBOUND_RECIPIENT.LOGGED.isFalse())))
                .limit(1).fetchOptional().isPresent();
    }

    void finish(long sendId, Instant at) {
        scope.update(OUTBOUND_SEND).set(OUTBOUND_SEND.STATUS, "DONE").set(OUTBOUND_SEND.FINISHED_AT, utc(at))
                .where(OUTBOUND_SEND.ID.eq(sendId)).and(OUTBOUND_SEND.STATUS.ne("DONE")).execute();
    }

    /** The outbox write of a batch: one multi-row insert. */
    void insertOutbox(long sendId, List<Rendered> messages, Instant now) {
        var insert = scope.insertInto(OUTBOUND_MESSAGE, OUTBOUND_MESSAGE.SEND_ID, OUTBOUND_MESSAGE.RECIPIENT_ID,
                OUTBOUND_MESSAGE.TO_ADDRESS, OUTBOUND_MESSAGE.SUBJECT, OUTBOUND_MESSAGE.BODY, OUTBOUND_MESSAGE.HEADERS,
                OUTBOUND_MESSAGE.CREATED_AT);
        LocalDateTime at = utc(now);
        for (Rendered m : messages) {
            insert.values(sendId, m.recipientId(), m.to(), clip(m.subject(), 255), m.html(), clip(m.headerLines(), 2000), at);
        }
        insert.execute();
    }

    List<OutboxMessage> outbox(long sendId, int limit) {
        return scope.selectFrom(OUTBOUND_MESSAGE).and(OUTBOUND_MESSAGE.SEND_ID.eq(sendId)).orderBy(OUTBOUND_MESSAGE.ID)
                .limit(limit).fetch().map(r -> new OutboxMessage(r.getId(), r.getSendId(), r.getToAddress(),
                        r.getSubject(), r.getBody(), r.getHeaders(), r.getCreatedAt().toInstant(ZoneOffset.UTC)));
    }

    Optional<OutboxMessage> outboxMessage(long id) {
        return scope.selectFrom(OUTBOUND_MESSAGE).and(OUTBOUND_MESSAGE.ID.eq(id)).fetchOptional()
                .map(r -> new OutboxMessage(r.getId(), r.getSendId(), r.getToAddress(), r.getSubject(), r.getBody(),
                        r.getHeaders(), r.getCreatedAt().toInstant(ZoneOffset.UTC)));
    }

    List<RecipientRow> recipients(long sendId, int limit) {
        return scope.selectFrom(OUTBOUND_RECIPIENT).and(OUTBOUND_RECIPIENT.SEND_ID.eq(sendId))
                .orderBy(OUTBOUND_RECIPIENT.ID).limit(limit).fetch().map(OutboundRepository::toRecipient);
    }

    /** A recipient of the current tenant by its token (a token of another tenant finds nothing here). */
    Optional<RecipientRow> byToken(String token) {
        return scope.selectFrom(OUTBOUND_RECIPIENT).and(OUTBOUND_RECIPIENT.TOKEN.eq(token))
                .and(OUTBOUND_RECIPIENT.STATUS.eq(SENT)).fetchOptional().map(OutboundRepository::toRecipient);
    }

    /** First open, click or unsubscribe of a recipient: true once, so each is logged once. */
    boolean firstTime(long recipientId, String event, Instant at) {
        var field = switch (event) {
            case "open" -> OUTBOUND_RECIPIENT.OPENED_AT;
            case "click" -> OUTBOUND_RECIPIENT.CLICKED_AT;
            default -> OUTBOUND_RECIPIENT.UNSUBSCRIBED_AT;
        };
        return scope.update(OUTBOUND_RECIPIENT).set(field, utc(at)).where(OUTBOUND_RECIPIENT.ID.eq(recipientId))
                .and(field.isNull()).execute() == 1;
    }

    private static SendRow toSend(OutboundSendRecord r) {
        return new SendRow(r.getId(), r.getActionLogId(), r.getTemplateId(), r.getTemplateName(), r.getSubject(),
                r.getBody(), r.getIsHtml(), r.getCampaignId(), r.getAdapter(), r.getStatus(), r.getUnits(),
                r.getBatches(), r.getScheduledAt().toInstant(ZoneOffset.UTC), r.getCreatedByName(),
                r.getCreatedAt().toInstant(ZoneOffset.UTC));
    }

    private static RecipientRow toRecipient(OutboundRecipientRecord r) {
        return new RecipientRow(r.getId(), r.getSendId(), r.getBatchNo(), r.getEntityType(), r.getEntityId(),
                r.getName(), r.getAddress(), r.getStatus(), r.getReason(), r.getEvidence(), r.getToken(),
                r.getEmailId(), Boolean.TRUE.equals(r.getLogged()));
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
