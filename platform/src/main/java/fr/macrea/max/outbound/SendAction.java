package fr.macrea.max.outbound;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import fr.macrea.max.action.ActionContext;
import fr.macrea.max.action.ActionDefinition;
import fr.macrea.max.action.ActionKind;
import fr.macrea.max.action.ActionRefusedException;
import fr.macrea.max.action.TimedAction;
import fr.macrea.max.crm.Campaign;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.jobs.DelayedJobs;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;
import fr.macrea.max.wallet.DefaultPrices;
import fr.macrea.max.wallet.Right;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The send of an EspoCRM e-mail template to an audience (SPEC §4, a SEND: irreversible, never undoable; Conseil
 * refuses it, Assisté makes it a draft a tenant admin validates, Auto needs the double confirmation). Charged per
 * started 100 eligible recipients; executing plans the audience with its consent checks, stores the send, its
 * recipients and links in one transaction together with one db-scheduler task per batch, and returns: the batches
 * deliver from the scheduled time on, and the last one refunds what was not sent.
 */
@Component
class SendAction implements ActionDefinition<SendParams, SendResult>, TimedAction {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SendPlanner planner;
    private final OutboundRepository repository;
    private final MessagingPorts ports;
    private final CrmGateway crm;
    private final DelayedJobs jobs;
    private final OneTimeTask<OutboundJobs.BatchJob> batchTask;
    private final TenantContext context;
    private final OutboundProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;
    /** The plan of the last quote (one at most, softly held): see {@link #quotedPlan}. */
    private final java.util.concurrent.atomic.AtomicReference<Quoted> lastQuoted =
            new java.util.concurrent.atomic.AtomicReference<>();
    private static final Duration QUOTE_REUSE = Duration.ofSeconds(30);

    SendAction(SendPlanner planner, OutboundRepository repository, MessagingPorts ports, CrmGateway crm,
               DelayedJobs jobs, OneTimeTask<OutboundJobs.BatchJob> batchTask, TenantContext context,
               OutboundProperties properties, Clock clock, PlatformTransactionManager transactions) {
        this.planner = planner;
        this.repository = repository;
        this.ports = ports;
        this.crm = crm;
        this.jobs = jobs;
        this.batchTask = batchTask;
        this.context = context;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public String id() {
        return DefaultPrices.CAMPAIGN_SEND;
    }

    @Override
    public Message label() {
        return Message.of("outbound.action.label");
    }

    @Override
    public ActionKind kind() {
        return ActionKind.SEND;
    }

    @Override
    public Right requiredRight() {
        return Right.CREA;
    }

    @Override
    public Class<SendParams> paramsType() {
        return SendParams.class;
    }

    @Override
    public Class<SendResult> resultType() {
        return SendResult.class;
    }

    @Override
    public Duration timeout() {
        return properties.planTimeout();
    }

    @Override
    public void validate(SendParams params) {
        if (params.templateId() == null || params.templateId().isBlank()) {
            throw new ActionRefusedException(Message.of("outbound.template.required"));
        }
        if (params.audience() == null) {
            throw new ActionRefusedException(Message.of("outbound.audience.required"));
        }
        if (params.scheduledAt() != null && params.scheduledAt().isAfter(clock.instant().plus(Duration.ofDays(366)))) {
            throw new ActionRefusedException(Message.of("outbound.schedule.too-far"));
        }
        if (params.newCampaignName() != null && params.newCampaignName().length() > 200) {
            throw new ActionRefusedException(Message.of("outbound.campaign.name.too-long", 200));
        }
    }

    /** The started hundreds of the people who would get it now (the dry run); excluded people are not charged. */
    @Override
    public int units(SendParams params) {
        try {
            SendPlanner.Planned planned = planner.plan(params);
            lastQuoted.set(new Quoted(params, context.current().value(), clock.instant(),
                    new java.lang.ref.SoftReference<>(planned)));
            return planned.plan().units();
        } catch (OutboundException e) {
            throw new ActionRefusedException(e.message());
        }
    }

    /** Recipients excluded at send time or failed for good are not paid for: the last batch gives them back. */
    @Override
    public boolean refundsUnusedUnits() {
        return true;
    }

    @Override
    public Message describe(SendParams params) {
        String name;
        try {
            name = planner.template(params.templateId()).name();
        } catch (LocalizedException e) {
            name = params.templateId();
        }
        return Message.of("outbound.action.describe", name);
    }

    @Override
    public SendResult execute(SendParams params, ActionContext actionContext) {
        SendPlanner.Planned quoted = quotedPlan(params);
        SendPlanner.Planned planned = quoted != null ? quoted : planner.plan(params);
        SendPlan plan = planned.plan();
        Instant now = clock.instant();
        Instant at = params.scheduledAt() == null || params.scheduledAt().isBefore(now) ? now : params.scheduledAt();
        String campaignId = campaign(params, planned);
        String adapter = ports.current();
        int batchSize = Math.max(1, properties.batchSize());
        int batches = (plan.eligible() + batchSize - 1) / batchSize;
        List<Integer> batchNos = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        long tenant = context.current().value();
        int eligibleIndex = 0;
        for (NewRecipient r : planned.recipients()) {
            batchNos.add(r.reason() == null ? eligibleIndex++ / batchSize : -1);
            tokens.add(token(tenant));
        }
        String body = planned.template().body() == null ? "" : planned.template().body();
        String createdBy = context.principal().map(p -> p.displayName()).orElse("");
        Long sendId = tx.execute(s -> {
            long id = repository.insertSend(actionContext.actionLogId(), planned.template().id(),
                    planned.template().name(), planned.template().subject(), body, planned.template().isHtml(),
                    campaignId, adapter, plan.units(), batches, at, createdBy, now);
            repository.insertRecipients(id, planned.recipients(), batchNos, tokens);
            repository.insertLinks(id, MessageRenderer.links(body, planned.template().isHtml()));
            // the scheduler's rows are written in this same transaction (its data source joins Spring's):
            // a send is stored with all its batch tasks, or not at all
            for (int b = 0; b < batches; b++) {
                jobs.scheduleOnce(batchTask, OutboundJobs.instanceId(tenant, id, b),
                        new OutboundJobs.BatchJob(tenant, id, b), at);
            }
            return id;
        });
        return new SendResult(sendId, plan.eligible(), plan.excluded(), plan.units(), at, campaignId);
    }

    /**
     * The plan computed for the quote of this very request (the same params object, the same tenant, moments ago)
     * instead of reading the whole audience a second time; a draft validated later, or anything else, plans again.
     * Consent is checked again by every batch at send time, so a plan a few seconds old sends to nobody who opted
     * out since.
     */
    private SendPlanner.Planned quotedPlan(SendParams params) {
        Quoted q = lastQuoted.getAndSet(null);
        if (q == null || q.params() != params || q.tenant() != context.current().value()
                || q.at().isBefore(clock.instant().minus(QUOTE_REUSE))) {
            return null;
        }
        return q.plan().get();
    }

    private record Quoted(SendParams params, long tenant, Instant at,
                          java.lang.ref.SoftReference<SendPlanner.Planned> plan) {
    }

    private String campaign(SendParams params, SendPlanner.Planned planned) {
        if (params.campaignId() != null && !params.campaignId().isBlank()) {
            return crm.campaigns().stream().filter(c -> c.id().equals(params.campaignId())).findFirst()
                    .map(Campaign::id)
                    .orElseThrow(() -> new ActionRefusedException(Message.of("outbound.campaign.not-found")));
        }
        String name = params.newCampaignName() == null || params.newCampaignName().isBlank()
                ? planned.template().name() : params.newCampaignName().strip();
        return crm.createCampaign(new Campaign(null, name, "Active", "Email", LocalDate.now(clock.withZone(ZoneOffset.UTC)),
                null, null));
    }

    /** Random, per recipient; the tenant id in front routes a public link to its tenant (and nothing else). */
    private static String token(long tenant) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return tenant + "-" + HexFormat.of().formatHex(bytes);
    }
}
