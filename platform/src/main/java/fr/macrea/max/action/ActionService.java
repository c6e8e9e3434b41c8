package fr.macrea.max.action;

import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.crm.RecordWrite;
import fr.macrea.max.db.platform.tables.records.ActionDraftRecord;
import fr.macrea.max.db.platform.tables.records.ActionLogRecord;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.wallet.DefaultPrices;
import fr.macrea.max.wallet.Entitlement;
import fr.macrea.max.wallet.Entitlements;
import fr.macrea.max.wallet.PriceTableService;
import fr.macrea.max.wallet.WalletBalance;
import fr.macrea.max.wallet.WalletService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The door of the action pipeline for views, the assistant and jobs: quotes for action cards, running actions in
 * the user's mode, the drafts inbox, the action log and undo. Every method acts in the principal's tenant only.
 */
@Service
public class ActionService {

    private final ActionPipeline pipeline;
    private final ActionRegistry registry;
    private final ActionLogRepository repository;
    private final ModeService modes;
    private final Entitlements entitlements;
    private final PriceTableService prices;
    private final WalletService wallet;
    private final ActionProperties properties;
    private final Clock clock;

    ActionService(ActionPipeline pipeline, ActionRegistry registry, ActionLogRepository repository, ModeService modes,
                  Entitlements entitlements, PriceTableService prices, WalletService wallet,
                  ActionProperties properties, Clock clock) {
        this.pipeline = pipeline;
        this.registry = registry;
        this.repository = repository;
        this.modes = modes;
        this.entitlements = entitlements;
        this.prices = prices;
        this.wallet = wallet;
        this.properties = properties;
        this.clock = clock;
    }

    /** What the action card shows: mode, cost and its euro value, balance after, and what confirming would do. */
    @PreAuthorize("hasRole('TENANT_USER')")
    public ActionQuote quote(String actionId) {
        if (registry.find(actionId).isEmpty()) {
            return notInstalled(actionId);
        }
        ActionDefinition<?, ?> definition = registry.get(actionId);
        Mode mode = modes.current();
        int cost = prices.price(actionId);
        WalletBalance balance = wallet.balance();
        int after = balance.total() - cost;
        Entitlement entitlement = entitlements.check(definition.requiredRight());
        ActionQuote.Effect effect;
        String message;
        if (!entitlement.granted()) {
            effect = ActionQuote.Effect.BLOCKED;
            message = entitlement.message();
        } else if (!definition.kind().writes()) {
            effect = after < 0 ? ActionQuote.Effect.BLOCKED : ActionQuote.Effect.RUN;
            message = after < 0 ? "Solde insuffisant." : "Lecture seule : exécution immédiate.";
        } else {
            switch (mode) {
                case CONSEIL -> {
                    effect = ActionQuote.Effect.BLOCKED;
                    message = "Mode Conseil : lecture seule. Passez en Assisté pour préparer un brouillon.";
                }
                case ASSISTE -> {
                    effect = ActionQuote.Effect.DRAFT;
                    message = "Mode Assisté : un brouillon sera créé, débité seulement à la validation.";
                }
                default -> {
                    String refusal = modes.refusal(Mode.AUTO);
                    if (refusal != null) {
                        effect = ActionQuote.Effect.DRAFT;
                        message = refusal;
                    } else {
                        effect = after < 0 ? ActionQuote.Effect.BLOCKED : ActionQuote.Effect.RUN_AFTER_DOUBLE_CONFIRMATION;
                        message = after < 0 ? "Solde insuffisant." : definition.kind().irreversible()
                                ? "Mode Auto : action irréversible, double confirmation requise."
                                : "Mode Auto : double confirmation requise ; annulation possible pendant 24 h.";
                    }
                }
            }
        }
        return new ActionQuote(actionId, definition.label(), definition.kind(), mode, cost, balance.euroOf(cost),
                balance.total(), after, balance.euroOf(Math.max(0, after)), effect,
                entitlement.granted() ? null : entitlement.message(), message);
    }

    /** A priced action whose feature is not installed on this instance: its price is shown, nothing is offered. */
    private ActionQuote notInstalled(String actionId) {
        int cost = prices.price(actionId);
        WalletBalance balance = wallet.balance();
        int after = balance.total() - cost;
        return new ActionQuote(actionId, DefaultPrices.label(actionId), ActionKind.READ, modes.current(), cost,
                balance.euroOf(cost), balance.total(), after, balance.euroOf(Math.max(0, after)),
                ActionQuote.Effect.BLOCKED, null, "Cette action n'est pas encore disponible sur cette instance.");
    }

    /**
     * Runs an action in the signed-in user's current mode (never in a mode the caller claims). Parameters may be
     * the action's own type or a JSON-friendly prefill of it (a suggestion's map), converted as drafts are.
     */
    @PreAuthorize("hasRole('TENANT_USER')")
    public <P, R> ActionOutcome<R> run(ActionRequest<P> request) {
        ActionDefinition<Object, R> definition = registry.get(request.actionId());
        ActionRequest<Object> typed = new ActionRequest<>(request.actionId(),
                Json.convert(request.params(), definition.paramsType()), request.idempotencyKey(),
                request.confirmed(), request.doubleConfirmed(), request.untrustedInput());
        return pipeline.submit(definition, typed, modes.current(), false);
    }

    @PreAuthorize("hasRole('TENANT_USER')")
    public List<Draft> drafts() {
        return repository.drafts(DraftStatus.PENDING, 200).stream().map(this::toDraft).toList();
    }

    /** Validates a draft: it runs now, through the whole pipeline, and is charged now (tenant admins). */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public ActionOutcome<Object> validateDraft(long draftId) {
        ActionDraftRecord draft = repository.draft(draftId)
                .orElseThrow(() -> new ActionRefusedException("Brouillon introuvable."));
        ActionDefinition<Object, Object> definition = registry.get(draft.getActionId());
        Object params = Json.read(draft.getParamsJson(), definition.paramsType());
        // re-check the right before claiming the draft: a plan may have changed since
        Entitlement entitlement = entitlements.check(definition.requiredRight());
        if (!entitlement.granted()) {
            throw new ActionRefusedException(entitlement.message());
        }
        if (!repository.decideDraft(draftId, DraftStatus.VALIDATED, principal().userId(), clock.instant())) {
            throw new ActionRefusedException("Ce brouillon a déjà été traité.");
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
        repository.draft(draftId).orElseThrow(() -> new ActionRefusedException("Brouillon introuvable."));
        if (!repository.decideDraft(draftId, DraftStatus.REJECTED, principal().userId(), clock.instant())) {
            throw new ActionRefusedException("Ce brouillon a déjà été traité.");
        }
    }

    @PreAuthorize("hasRole('TENANT_USER')")
    public List<ActionLogEntry> log(int limit) {
        return repository.latest(Math.max(1, Math.min(limit, 500))).stream().map(this::toEntry).toList();
    }

    @PreAuthorize("hasRole('TENANT_USER')")
    public ActionLogEntry logEntry(long id) {
        return repository.find(id).map(this::toEntry)
                .orElseThrow(() -> new ActionRefusedException("Action introuvable."));
    }

    /**
     * Undoes an AI write within the undo window: puts the before-images back and refunds the tokens. If a human
     * changed a field since, nothing is done unless {@code overwrite} is true; the conflicts are returned.
     */
    @PreAuthorize("hasRole('TENANT_USER')")
    public UndoResult undo(long actionLogId, boolean overwrite) {
        ActionLogRecord row = repository.find(actionLogId)
                .orElseThrow(() -> new ActionRefusedException("Action introuvable."));
        ActionKind kind = ActionKind.valueOf(row.getActionKind());
        if (kind.irreversible()) {
            throw new ActionRefusedException("Les envois et les appels sont irréversibles : ils ne peuvent pas être annulés.");
        }
        if (!kind.writes()) {
            throw new ActionRefusedException("Cette action n'a rien modifié : il n'y a rien à annuler.");
        }
        ActionStatus status = ActionStatus.valueOf(row.getStatus());
        if (status != ActionStatus.COMPLETED) {
            throw new ActionRefusedException("Seule une action réussie peut être annulée (statut : " + status.label() + ").");
        }
        Instant started = ActionLogRepository.instant(row.getStartedAt());
        if (started.plus(properties.undoWindow()).isBefore(clock.instant())) {
            throw new ActionRefusedException("Le délai d'annulation de 24 h est dépassé.");
        }
        List<RecordWrite> writes = Json.writes(row.getWritesJson());
        if (writes.isEmpty()) {
            throw new ActionRefusedException("Cette action n'a rien modifié : il n'y a rien à annuler.");
        }
        List<UndoConflict> conflicts = conflicts(writes);
        if (!conflicts.isEmpty() && !overwrite) {
            return new UndoResult(UndoResult.Outcome.NEEDS_OVERWRITE_CONFIRMATION, conflicts, 0,
                    "Quelqu'un a modifié cette fiche depuis l'action : annuler écraserait " + conflicts.size()
                            + " champ(s). Confirmez pour écraser.");
        }
        if (!repository.claimUndo(actionLogId, clock.instant())) {
            throw new ActionRefusedException("Cette action a déjà été annulée.");
        }
        String failed = pipeline.rollback(writes);
        if (failed != null) {
            repository.revertUndo(actionLogId);
            throw new ActionRefusedException("L'annulation a échoué. " + failed);
        }
        int refunded = 0;
        if (row.getReservationId() != null && wallet.refundCommitted(row.getReservationId(),
                "Annulation de l'action n° " + actionLogId)) {
            refunded = row.getCost();
        }
        ActionDefinition<?, ?> definition = registry.get(row.getActionId());
        EntityRef target = row.getTargetType() == null ? null : new EntityRef(row.getTargetType(), row.getTargetId());
        pipeline.note(target, "M.A.X. — annulation de « " + definition.label() + " » : valeurs d'origine restaurées, "
                + refunded + " jeton(s) remboursé(s).");
        pipeline.publish(ActionEvent.UNDONE, "Annulée : " + row.getSummary(), actionLogId, definition, refunded);
        return new UndoResult(UndoResult.Outcome.UNDONE, conflicts, refunded,
                "Action annulée : valeurs d'origine restaurées, " + refunded + " jeton(s) remboursé(s).");
    }

    private List<UndoConflict> conflicts(List<RecordWrite> writes) {
        // the latest image of each field wins when one action wrote the same field twice
        Map<String, Object[]> byField = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (RecordWrite write : writes) {
            write.after().forEach((field, after) -> {
                String key = write.ref().entityType() + "\u0000" + write.ref().id() + "\u0000" + field;
                Object[] images = byField.get(key);
                if (images == null) {
                    order.add(key);
                    byField.put(key, new Object[]{write.ref(), field, write.before().get(field), after});
                } else {
                    images[3] = after;
                }
            });
        }
        Map<EntityRef, java.util.Set<String>> fieldsByRecord = new java.util.LinkedHashMap<>();
        for (String key : order) {
            Object[] images = byField.get(key);
            fieldsByRecord.computeIfAbsent((EntityRef) images[0], r -> new java.util.LinkedHashSet<>()).add((String) images[1]);
        }
        Map<EntityRef, Map<String, Object>> current = new HashMap<>();
        fieldsByRecord.forEach((ref, fields) -> current.put(ref, pipeline.crm().readAttributes(ref, fields)));
        List<UndoConflict> conflicts = new ArrayList<>();
        for (String key : order) {
            Object[] images = byField.get(key);
            EntityRef ref = (EntityRef) images[0];
            String field = (String) images[1];
            Object now = current.getOrDefault(ref, Map.of()).get(field);
            if (!Json.canonical(now).equals(Json.canonical(images[3]))) {
                conflicts.add(new UndoConflict(ref, field, String.valueOf(now), String.valueOf(images[2])));
            }
        }
        return Collections.unmodifiableList(conflicts);
    }

    private ActionLogEntry toEntry(ActionLogRecord r) {
        ActionKind kind = ActionKind.valueOf(r.getActionKind());
        ActionStatus status = ActionStatus.valueOf(r.getStatus());
        Instant started = ActionLogRepository.instant(r.getStartedAt());
        boolean undoable = status == ActionStatus.COMPLETED && kind == ActionKind.WRITE && r.getWritesJson() != null
                && !started.plus(properties.undoWindow()).isBefore(clock.instant());
        EntityRef target = r.getTargetType() == null ? null : new EntityRef(r.getTargetType(), r.getTargetId());
        return new ActionLogEntry(r.getId(), r.getActionId(), label(r.getActionId()), kind, r.getUserName(),
                Mode.valueOf(r.getMode()), r.getSummary(), target, r.getCost(), status, r.getReason(), started,
                r.getDurationMs(), r.getDraftId(), undoable);
    }

    private Draft toDraft(ActionDraftRecord r) {
        return new Draft(r.getId(), r.getActionId(), label(r.getActionId()), r.getSummary(), r.getReason(),
                r.getQuotedCost(), r.getCreatedByName(), ActionLogRepository.instant(r.getCreatedAt()),
                DraftStatus.valueOf(r.getStatus()), r.getActionLogId());
    }

    private String label(String actionId) {
        try {
            return registry.get(actionId).label();
        } catch (ActionRefusedException unknown) {
            return actionId;
        }
    }

    private MaxPrincipal principal() {
        return pipeline.principal();
    }
}
