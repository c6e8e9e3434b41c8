package fr.macrea.max.action;

import fr.macrea.max.shared.Message;
import fr.macrea.max.wallet.ActionCharges;
import fr.macrea.max.wallet.DefaultPrices;
import fr.macrea.max.wallet.Entitlement;
import fr.macrea.max.wallet.Entitlements;
import fr.macrea.max.wallet.PriceTableService;
import fr.macrea.max.wallet.WalletBalance;
import fr.macrea.max.wallet.WalletService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;

/**
 * The door of the action pipeline for views, the assistant and jobs: quotes for action cards, running actions in
 * the user's mode, the drafts inbox and the action log (undo is {@link UndoService}). Every method acts in the
 * principal's tenant only.
 */
@Service
public class ActionService {

    private final ActionPipeline pipeline;
    private final ActionRegistry registry;
    private final ActionLogRepository repository;
    private final ModeService modes;
    private final ModeGuard guard;
    private final Entitlements entitlements;
    private final PriceTableService prices;
    private final WalletService wallet;
    private final ActionCharges charges;
    private final ActionProperties properties;
    private final Clock clock;

    ActionService(ActionPipeline pipeline, ActionRegistry registry, ActionLogRepository repository, ModeService modes,
                  ModeGuard guard, Entitlements entitlements, PriceTableService prices, WalletService wallet,
                  ActionCharges charges, ActionProperties properties, Clock clock) {
        this.pipeline = pipeline;
        this.registry = registry;
        this.repository = repository;
        this.modes = modes;
        this.guard = guard;
        this.entitlements = entitlements;
        this.prices = prices;
        this.wallet = wallet;
        this.charges = charges;
        this.properties = properties;
        this.clock = clock;
    }

    /** What the action card shows: mode, cost and its euro value, balance after, and what confirming would do. */
    @PreAuthorize("hasRole('TENANT_USER')")
    public ActionQuote quote(String actionId) {
        return quote(actionId, false);
    }

    /**
     * The quote of an action whose context may hold untrusted text (an Auto write then becomes a draft): the same
     * {@link ModeGuard} decision that {@link #run} applies, so what the card says is what confirming does.
     */
    @PreAuthorize("hasRole('TENANT_USER')")
    public ActionQuote quote(String actionId, boolean untrustedInput) {
        return quote(actionId, untrustedInput, null);
    }

    /**
     * The quote of one call of an action priced per unit ({@link ActionDefinition#units}, e.g. a send per started
     * 100 recipients): {@code price × units} of these parameters, what confirming reserves.
     */
    @PreAuthorize("hasRole('TENANT_USER')")
    public ActionQuote quote(String actionId, boolean untrustedInput, Object params) {
        if (registry.find(actionId).isEmpty()) {
            return notInstalled(actionId);
        }
        ActionDefinition<Object, ?> definition = registry.get(actionId);
        Mode mode = modes.current();
        int units = 1;
        if (params != null) {
            Object typed;
            try {
                typed = Json.convert(params, definition.paramsType());
            } catch (RuntimeException invalid) {
                throw new ActionRefusedException(Message.of("action.params.invalid", definition.label()));
            }
            units = Math.max(0, definition.units(typed));
        }
        int cost = prices.price(actionId) * units;
        WalletBalance balance = wallet.balance();
        int after = balance.total() - cost;
        Entitlement entitlement = entitlements.check(definition.requiredRight());
        ActionQuote.Effect effect;
        Message message;
        if (!entitlement.granted()) {
            effect = ActionQuote.Effect.BLOCKED;
            message = entitlement.reason();
        } else {
            ModeGuard.Decision decision = guard.decide(definition, mode, untrustedInput, false);
            effect = switch (decision.verdict()) {
                case RUN -> ActionQuote.Effect.RUN;
                case RUN_AFTER_DOUBLE_CONFIRMATION -> ActionQuote.Effect.RUN_AFTER_DOUBLE_CONFIRMATION;
                case DRAFT -> ActionQuote.Effect.DRAFT; // a draft is charged at validation only
                case REFUSED -> ActionQuote.Effect.BLOCKED;
            };
            message = decision.reason();
            if (after < 0 && (effect == ActionQuote.Effect.RUN
                    || effect == ActionQuote.Effect.RUN_AFTER_DOUBLE_CONFIRMATION)) {
                effect = ActionQuote.Effect.BLOCKED;
                // the hard stop says what is missing and what unlocks it, before any click
                message = Message.of("action.quote.insufficient", cost, balance.total());
            }
        }
        return new ActionQuote(actionId, definition.label(), definition.kind(), mode, cost, balance.euroOf(cost),
                balance.total(), after, balance.euroOf(Math.max(0, after)), effect,
                entitlement.granted() ? null : entitlement.reason(), message);
    }

    /** A priced action whose feature is not installed on this instance: its price is shown, nothing is offered. */
    private ActionQuote notInstalled(String actionId) {
        int cost = prices.price(actionId);
        WalletBalance balance = wallet.balance();
        int after = balance.total() - cost;
        return new ActionQuote(actionId, DefaultPrices.label(actionId), ActionKind.READ, modes.current(), cost,
                balance.euroOf(cost), balance.total(), after, balance.euroOf(Math.max(0, after)),
                ActionQuote.Effect.BLOCKED, null, Message.of("action.quote.not-installed"));
    }

    /**
     * Runs an action in the signed-in user's current mode (never in a mode the caller claims). Parameters may be
     * the action's own type or a JSON-friendly prefill of it (a suggestion's map), converted as drafts are.
     */
    @PreAuthorize("hasRole('TENANT_USER')")
    public <P, R> ActionOutcome<R> run(ActionRequest<P> request) {
        ActionDefinition<Object, R> definition = registry.get(request.actionId());
        Object params;
        try {
            params = Json.convert(request.params(), definition.paramsType());
        } catch (RuntimeException invalid) {
            throw new ActionRefusedException(Message.of("action.params.invalid", definition.label()));
        }
        ActionRequest<Object> typed = new ActionRequest<>(request.actionId(), params, request.idempotencyKey(),
                request.confirmed(), request.doubleConfirmed(), request.untrustedInput());
        return pipeline.submit(definition, typed, modes.current(), false);
    }

    /**
     * Gives back the tokens of the units a completed run did not use (a send that skipped or failed recipients after
     * it was charged): {@code cost × unusedUnits / chargedUnits}, once per run whatever the number of calls (a
     * resumed job calls again), with a ledger line. False when nothing was given back (already done, nothing to
     * give). Throws while the run is still settling (its reservation not committed yet): call again later.
     */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public boolean refundUnusedUnits(long actionLogId, int unusedUnits, int chargedUnits, Message reason) {
        if (unusedUnits <= 0 || chargedUnits <= 0) {
            return false;
        }
        ActionLogRow row = repository.find(actionLogId)
                .orElseThrow(() -> new ActionRefusedException(Message.of("action.not-found")));
        if (registry.find(row.actionId()).filter(ActionDefinition::refundsUnusedUnits).isEmpty()) {
            // tokens come back by undo or failure, not by asking: only a per-unit action settles its leftovers
            throw new ActionRefusedException(Message.of("action.refund.not-per-unit"));
        }
        if (row.status() == ActionStatus.RUNNING) {
            // the pipeline commits the reservation just after the action returns: the caller (a job) retries
            throw new ActionRefusedException(Message.of("action.refund.not-settled"));
        }
        if (row.reservationId() == null || row.status() != ActionStatus.COMPLETED) {
            return false;
        }
        int amount = (int) ((long) row.cost() * Math.min(unusedUnits, chargedUnits) / chargedUnits);
        return amount > 0 && charges.refundCommittedPart(row.reservationId(), amount,
                Message.of("action.ledger.unused", label(row.actionId()), reason));
    }

    @PreAuthorize("hasRole('TENANT_USER')")
    public List<Draft> drafts() {
        return repository.drafts(DraftStatus.PENDING, 200).stream().map(this::toDraft).toList();
    }

    /** Validates a draft: it runs now, through the whole pipeline, and is charged now (tenant admins). */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public ActionOutcome<Object> validateDraft(long draftId) {
        DraftRow draft = repository.draft(draftId)
                .orElseThrow(() -> new ActionRefusedException(Message.of("action.draft.not-found")));
        ActionDefinition<Object, Object> definition = registry.get(draft.actionId());
        Object params = Json.read(draft.paramsJson(), definition.paramsType());
        definition.beforeValidation(params);
        // re-check the right before claiming the draft: a plan may have changed since
        Entitlement entitlement = entitlements.check(definition.requiredRight());
        if (!entitlement.granted()) {
            throw new ActionRefusedException(entitlement.reason());
        }
        if (!repository.decideDraft(draftId, DraftStatus.VALIDATED, pipeline.principal().userId(), clock.instant())) {
            throw new ActionRefusedException(Message.of("action.draft.already-decided"));
        }
        ActionRequest<Object> request = new ActionRequest<>(definition.id(), params, "draft-" + draftId, true, true,
                false);
        ActionOutcome<Object> outcome = pipeline.submit(definition, request, modes.current(), true);
        // not enough tokens: the draft goes back to the inbox, to validate after a top-up
        repository.draftRan(draftId, outcome.actionLogId(), outcome.status() == ActionStatus.REFUSED);
        return outcome;
    }

    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void rejectDraft(long draftId) {
        repository.draft(draftId)
                .orElseThrow(() -> new ActionRefusedException(Message.of("action.draft.not-found")));
        if (!repository.decideDraft(draftId, DraftStatus.REJECTED, pipeline.principal().userId(), clock.instant())) {
            throw new ActionRefusedException(Message.of("action.draft.already-decided"));
        }
    }

    @PreAuthorize("hasRole('TENANT_USER')")
    public List<ActionLogEntry> log(int limit) {
        return repository.latest(Math.max(1, Math.min(limit, 500))).stream().map(this::toEntry).toList();
    }

    @PreAuthorize("hasRole('TENANT_USER')")
    public ActionLogEntry logEntry(long id) {
        return repository.find(id).map(this::toEntry)
                .orElseThrow(() -> new ActionRefusedException(Message.of("action.not-found")));
    }

    private ActionLogEntry toEntry(ActionLogRow r) {
        boolean reversible = registry.find(r.actionId()).filter(d -> d instanceof ReversibleAction<?>).isPresent();
        boolean undoable = r.status() == ActionStatus.COMPLETED && r.kind() == ActionKind.WRITE
                && (reversible || r.writesJson() != null
                && !r.startedAt().plus(properties.undoWindow()).isBefore(clock.instant()));
        return new ActionLogEntry(r.id(), r.actionId(), label(r.actionId()), r.kind(), r.userName(), r.mode(),
                Json.readMessage(r.summary()), r.target(), r.cost(), r.status(), Json.readMessage(r.reason()), r.startedAt(),
                r.durationMs(), r.draftId(), undoable);
    }

    private Draft toDraft(DraftRow r) {
        return new Draft(r.id(), r.actionId(), label(r.actionId()), Json.readMessage(r.summary()), Json.readMessage(r.reason()),
                r.quotedCost(), r.createdByName(), r.createdAt(), r.status(), r.actionLogId());
    }

    /** The action's name; an action no longer installed is named as in the price table. */
    private Message label(String actionId) {
        return registry.find(actionId).<Message>map(ActionDefinition::label)
                .orElseGet(() -> DefaultPrices.label(actionId));
    }
}
