package fr.macrea.max.outbound;

import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.ActionRequest;
import fr.macrea.max.action.ActionService;
import fr.macrea.max.crm.Campaign;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.EmailTemplate;
import fr.macrea.max.shared.Message;
import fr.macrea.max.wallet.DefaultPrices;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The sending side of Espace Créa for views and benchmarks, in the principal's tenant: the dry run, sending (through
 * the action pipeline, never around it), the sends with their counts, and the outbox.
 */
@Service
public class OutboundService {

    private final SendPlanner planner;
    private final OutboundRepository repository;
    private final SendBatches batches;
    private final ActionService actions;
    private final CrmGateway crm;
    private final OutboundCrmRepository crmFacts;

    OutboundService(SendPlanner planner, OutboundRepository repository, SendBatches batches, ActionService actions,
                    CrmGateway crm, OutboundCrmRepository crmFacts) {
        this.planner = planner;
        this.repository = repository;
        this.batches = batches;
        this.actions = actions;
        this.crm = crm;
        this.crmFacts = crmFacts;
    }

    /** The tenant's e-mail templates (EspoCRM {@code EmailTemplate}), to pick the one to send. */
    @PreAuthorize("hasRole('TENANT_USER')")
    public List<EmailTemplate> templates() {
        return crm.emailTemplates();
    }

    /** The tenant's target lists, for an audience by list. */
    @PreAuthorize("hasRole('TENANT_USER')")
    public List<TargetListRef> targetLists() {
        return crmFacts.targetLists();
    }

    /** The tenant's EspoCRM campaigns, to log a send into an existing one. */
    @PreAuthorize("hasRole('TENANT_USER')")
    public List<Campaign> campaigns() {
        return crm.campaigns();
    }

    /** The dry run the user confirms: "envoyé à 812, 37 exclus (opt-out 30, sans consentement 7)". Nothing stored. */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public SendPlan plan(SendParams params) {
        return planner.plan(params).plan();
    }

    /**
     * Sends through the action pipeline in the user's mode: {@code doubleConfirmed} is the strong confirmation of an
     * irreversible send (Auto); Assisté makes a draft, Conseil refuses. One idempotency key per user intent.
     */
    @PreAuthorize("hasRole('TENANT_USER')")
    public ActionOutcome<SendResult> send(SendParams params, String idempotencyKey, boolean doubleConfirmed) {
        ActionRequest<SendParams> request = ActionRequest.of(DefaultPrices.CAMPAIGN_SEND, params, idempotencyKey);
        return actions.run(doubleConfirmed ? request.withDoubleConfirmation() : request);
    }

    /**
     * Plans and runs a send for the current tenant now, and delivers all its batches in the caller's thread (the
     * benchmark's entry point; the scheduled tasks then find nothing left). Needs Auto mode (double confirmation).
     */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public ActionOutcome<SendResult> sendNow(SendParams params, String idempotencyKey) {
        ActionOutcome<SendResult> outcome = send(params, idempotencyKey, true);
        if (outcome.completed() && outcome.result() != null) {
            drain(outcome.result().sendId());
        }
        return outcome;
    }

    /** Runs every batch of a send now (idempotent: what was delivered is not delivered again). */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public SendSummary drain(long sendId) {
        SendRow send = repository.send(sendId)
                .orElseThrow(() -> new OutboundException(Message.of("outbound.send.not-found")));
        for (int b = 0; b < send.batches(); b++) {
            batches.run(sendId, b);
        }
        batches.finishIfDone(send);
        return summary(sendId);
    }

    @PreAuthorize("hasRole('TENANT_USER')")
    public List<SendSummary> sends(int limit) {
        return repository.sends(Math.max(1, Math.min(limit, 200))).stream().map(this::toSummary).toList();
    }

    @PreAuthorize("hasRole('TENANT_USER')")
    public SendSummary summary(long sendId) {
        return repository.send(sendId).map(this::toSummary)
                .orElseThrow(() -> new OutboundException(Message.of("outbound.send.not-found")));
    }

    /** The outbox of a send (messages stored by the embedded adapter), oldest first. */
    @PreAuthorize("hasRole('TENANT_USER')")
    public List<OutboxMessage> outbox(long sendId, int limit) {
        return repository.outbox(sendId, Math.max(1, Math.min(limit, 500)));
    }

    @PreAuthorize("hasRole('TENANT_USER')")
    public OutboxMessage message(long messageId) {
        return repository.outboxMessage(messageId)
                .orElseThrow(() -> new OutboundException(Message.of("outbound.message.not-found")));
    }

    /** The recipients of a send with their status, skip reason and consent evidence (the audit trail). */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public List<SendRecipient> recipients(long sendId, int limit) {
        return repository.recipients(sendId, Math.max(1, Math.min(limit, 1000))).stream()
                .map(r -> new SendRecipient(r.entityType(), r.entityId(), r.name(), r.address(), r.status(),
                        r.reason(), r.evidence()))
                .toList();
    }

    private SendSummary toSummary(SendRow s) {
        Map<String, Integer> counts = repository.counts(s.id());
        Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
        for (SkipReason reason : SkipReason.values()) {
            int n = counts.getOrDefault(OutboundRepository.SKIPPED + ":" + reason.name(), 0);
            if (n > 0) {
                skipped.put(reason, n);
            }
        }
        int pending = counts.getOrDefault(OutboundRepository.PENDING, 0) + counts.getOrDefault(OutboundRepository.SENDING, 0);
        return new SendSummary(s.id(), s.templateName(), s.subject(), s.campaignId(), s.adapter(), s.status(),
                s.scheduledAt(), s.createdAt(), s.createdBy(), counts.getOrDefault(OutboundRepository.SENT, 0), pending,
                counts.getOrDefault(OutboundRepository.FAILED, 0), skipped);
    }
}
