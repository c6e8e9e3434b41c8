package fr.macrea.max.outbound;

import fr.macrea.max.action.ActionService;
import fr.macrea.max.crm.CampaignLogEntry;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.settings.ConsentSettings;
import fr.macrea.max.settings.TenantSettingsService;
import fr.macrea.max.shared.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one batch of a send, resumably: every step leaves the recipients' rows in a state a second run continues
 * from. Order: (1) the CRM side of recipients a stopped run delivered, (2) SMTP recipients a crash left SENDING
 * become failed, never resent, (3) an EspoCRM {@code Email} row "Sending" per pending recipient, (4) the pending
 * ones are locked, their consent checked again (a person skipped now loses its Email row), and delivered, (5) the
 * CRM side (Email row Sent, campaign log Sent). The last batch to close the send gives
 * back the tokens of the units it did not use.
 */
@Component
class SendBatches {

    private static final Logger log = LoggerFactory.getLogger(SendBatches.class);
    /** An SMTP claim older than this was left by a crash, not by a run still going. */
    static final Duration STALE_CLAIM = Duration.ofMinutes(10);
    private static final DateTimeFormatter ESPO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final OutboundRepository repository;
    private final SendPlanner planner;
    private final MessageRenderer renderer;
    private final MessagingPorts ports;
    private final SendRateLimiter limiter;
    private final CrmGateway crm;
    private final TenantSettingsService settings;
    /** A provider: the action registry holds the send action, whose batch task holds this (no bean cycle). */
    private final ObjectProvider<ActionService> actions;
    private final Clock clock;
    private final TransactionTemplate tx;
    /** Test seam: runs after a batch's delivery, before its CRM side (a crash there must lose nothing). */
    volatile Runnable afterDelivery = () -> { };

    SendBatches(OutboundRepository repository, SendPlanner planner, MessageRenderer renderer, MessagingPorts ports,
                SendRateLimiter limiter, CrmGateway crm, TenantSettingsService settings, ObjectProvider<ActionService> actions,
                Clock clock, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.planner = planner;
        this.renderer = renderer;
        this.ports = ports;
        this.limiter = limiter;
        this.crm = crm;
        this.settings = settings;
        this.actions = actions;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Runs a batch of the current tenant's send (a missing send: nothing, e.g. a task of a deleted tenant). */
    void run(long sendId, int batchNo) {
        SendRow send = repository.send(sendId).orElse(null);
        if (send == null) {
            return;
        }
        completeCrmSide(send, batchNo);
        repository.failInterrupted(sendId, batchNo, clock.instant().minus(STALE_CLAIM));
        MessagingPort port = ports.forSend(send);
        if (!port.transactional()) {
            // delivery may fail between the server taking a message and our commit: "Sending" first, "Sent" after.
            // A transactional port delivers with the recipients' status, so its Email rows are created Sent at once.
            prepareEmails(send, batchNo);
        }
        List<String> links = repository.links(sendId);
        ConsentSettings consent = settings.consent();
        if (port.transactional()) {
            tx.executeWithoutResult(s -> {
                List<RecipientRow> ready = lockAndRecheck(sendId, batchNo, consent);
                List<Rendered> messages = renderer.renderAll(send, ready, links);
                limiter.acquire(messages.size());
                List<Long> delivered = new ArrayList<>();
                port.deliver(sendId, messages, new Collecting(delivered));
                repository.setStatus(delivered, OutboundRepository.SENT, clock.instant());
            });
        } else {
            List<RecipientRow> ready = tx.execute(s -> {
                List<RecipientRow> rows = lockAndRecheck(sendId, batchNo, consent);
                repository.setStatus(rows.stream().map(RecipientRow::id).toList(), OutboundRepository.SENDING,
                        clock.instant());
                return rows;
            });
            deliverOneByOne(send, port, ready, links);
        }
        afterDelivery.run();
        completeCrmSide(send, batchNo);
        finishIfDone(send);
    }

    private List<RecipientRow> lockAndRecheck(long sendId, int batchNo, ConsentSettings consent) {
        List<RecipientRow> rows = repository.lockPending(sendId, batchNo);
        Map<Long, ConsentCheck.Verdict> verdicts = planner.recheck(rows, consent);
        List<RecipientRow> ready = new ArrayList<>();
        for (RecipientRow row : rows) {
            ConsentCheck.Verdict verdict = verdicts.get(row.id());
            if (verdict.reason() != null) {
                // opted out (or lost the address) since the plan: skipped at send time, with what was seen
                repository.close(row.id(), OutboundRepository.SKIPPED, verdict.reason().name(), verdict.evidence());
                if (row.emailId() != null) {
                    crm.delete(new EntityRef("Email", row.emailId())); // its "Sending" e-mail will never be sent
                }
            } else {
                ready.add(row);
            }
        }
        return ready;
    }

    /** SMTP: each message marked delivered as soon as the server took it; an outage stops the batch for a resume. */
    private void deliverOneByOne(SendRow send, MessagingPort port, List<RecipientRow> ready, List<String> links) {
        Map<Long, Boolean> reported = new HashMap<>();
        try {
            List<Rendered> messages = renderer.renderAll(send, ready, links);
            port.deliver(send.id(), messages, new MessagingPort.Report() {
                @Override
                public void delivered(Rendered message) {
                    repository.setStatus(List.of(message.recipientId()), OutboundRepository.SENT, clock.instant());
                    reported.put(message.recipientId(), true);
                }

                @Override
                public void failed(Rendered message, String reason) {
                    repository.close(message.recipientId(), OutboundRepository.FAILED, reason, "smtp");
                    reported.put(message.recipientId(), false);
                }
            });
        } catch (RuntimeException e) {
            // not delivered: back to pending, so the resumed batch sends them (and only them)
            List<Long> back = ready.stream().map(RecipientRow::id).filter(id -> !reported.containsKey(id)).toList();
            repository.setStatus(back, OutboundRepository.PENDING, clock.instant());
            throw e;
        }
    }

    /**
     * The batch's EspoCRM {@code Email} rows, status Sending, before anything leaves (the Reporting tab counts them
     * "en attente"); their ids are stored with the recipients, so a resumed batch reuses them. One multi-row
     * insert for the batch.
     */
    private void prepareEmails(SendRow send, int batchNo) {
        tx.executeWithoutResult(s -> {
            // locked: a second run of the batch (a scheduled one beside a drain) waits, then finds them prepared
            List<RecipientRow> pending = repository.pendingWithoutEmail(send.id(), batchNo);
            if (pending.isEmpty()) {
                return;
            }
            List<String> ids = crm.createAll("Email", pending.stream().map(r -> email(send, r, "Sending", null)).toList());
            Map<Long, String> byRecipient = new LinkedHashMap<>();
            for (int i = 0; i < pending.size(); i++) {
                byRecipient.put(pending.get(i).id(), ids.get(i));
            }
            repository.setEmailIds(byRecipient);
        });
    }

    private static Map<String, Object> email(SendRow send, RecipientRow r, String status, String dateSent) {
        Map<String, Object> email = new LinkedHashMap<>();
        email.put("name", send.subject());
        email.put("status", status);
        email.put("isHtml", send.html());
        email.put("parentType", r.entityType());
        email.put("parentId", r.entityId());
        if (dateSent != null) {
            email.put("dateSent", dateSent);
        }
        return email;
    }

    /**
     * The EspoCRM side of delivered messages: their Email row Sent (created Sent when none was prepared), a
     * campaign log "Sent" each, and the recipients marked logged, in one transaction and a few statements per
     * batch: a crash leaves all of it to the resume or none of it, never a second campaign log row.
     */
    private void completeCrmSide(SendRow send, int batchNo) {
        String sentAt = ESPO.format(clock.instant());
        tx.executeWithoutResult(s -> {
            // locked: a second run of the batch (a scheduled one beside a drain, or a resume racing the first run)
            // waits for this transaction, then reads the rows as logged and writes nothing twice
            List<RecipientRow> delivered = repository.sentNotLogged(send.id(), batchNo);
            if (delivered.isEmpty()) {
                return;
            }
            List<RecipientRow> unprepared = delivered.stream().filter(r -> r.emailId() == null).toList();
            crm.createAll("Email",
                    unprepared.stream().map(r -> email(send, r, "Sent", sentAt)).toList());
            // their ids are not stored with the recipients: an id is kept to reuse or delete a "Sending" row, and a
            // row created Sent, in the transaction that marks the recipient logged, is never touched again
            List<String> prepared = delivered.stream().map(RecipientRow::emailId).filter(java.util.Objects::nonNull).toList();
            if (!prepared.isEmpty()) {
                crm.updateAll("Email", prepared, Map.of("status", "Sent", "dateSent", sentAt));
            }
            if (send.campaignId() != null) {
                crm.logCampaignEvents(delivered.stream().map(r -> new CampaignLogEntry(null, send.campaignId(), "Sent",
                        new EntityRef(r.entityType(), r.entityId()), clock.instant(),
                        r.address() == null || r.address().length() <= 100 ? r.address() : r.address().substring(0, 100)))
                        .toList());
            }
            repository.markLogged(delivered.stream().map(RecipientRow::id).toList());
        });
    }

    /** Closes the send once nobody is left to deliver, and refunds the units it did not use, exactly once. */
    void finishIfDone(SendRow send) {
        // the last batch still waiting is the common case (batches run in order): an index lookup says so at once
        if (send.batches() > 0 && repository.waiting(send.id(), send.batches() - 1)) {
            return;
        }
        if (repository.open(send.id())) {
            return;
        }
        int sent = repository.counts(send.id()).getOrDefault(OutboundRepository.SENT, 0);
        int unused = send.units() - SendPlan.unitsFor(sent);
        if (unused > 0) {
            boolean refunded = actions.getObject().refundUnusedUnits(send.actionLogId(), unused, send.units(),
                    Message.of("outbound.ledger.unused", send.templateName(), sent));
            log.info("send {} finished: {} sent, {} unit(s) unused, refunded now: {}", send.id(), sent, unused, refunded);
        }
        repository.finish(send.id(), clock.instant());
    }

    /** Collects the outbox's reports (it fails no message one by one). */
    private record Collecting(List<Long> delivered) implements MessagingPort.Report {
        @Override
        public void delivered(Rendered message) {
            delivered.add(message.recipientId());
        }

        @Override
        public void failed(Rendered message, String reason) {
            throw new IllegalStateException("the outbox does not fail single messages");
        }
    }
}
