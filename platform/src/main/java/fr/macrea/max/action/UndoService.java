package fr.macrea.max.action;

import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.crm.RecordWrite;
import fr.macrea.max.shared.Message;
import fr.macrea.max.wallet.ActionCharges;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Undo of an AI write within the undo window (SPEC §4): puts the before-images back and refunds the tokens, exactly
 * once. If a human changed a field since, nothing is done until the user confirms overwriting; the conflicts are
 * returned. Works from the action log alone (writes, reservation), never from the pipeline's state.
 */
@Service
public class UndoService {

    private final ActionLogRepository repository;
    private final ActionRegistry registry;
    private final ActionEffects effects;
    private final ActionCharges charges;
    private final ActionProperties properties;
    private final Clock clock;

    UndoService(ActionLogRepository repository, ActionRegistry registry, ActionEffects effects, ActionCharges charges,
                ActionProperties properties, Clock clock) {
        this.repository = repository;
        this.registry = registry;
        this.effects = effects;
        this.charges = charges;
        this.properties = properties;
        this.clock = clock;
    }

    /** Undoes the action, or returns the conflicts to confirm ({@code overwrite} = true undoes anyway). */
    @PreAuthorize("hasRole('TENANT_USER')")
    public UndoResult undo(long actionLogId, boolean overwrite) {
        ActionLogRow row = repository.find(actionLogId)
                .orElseThrow(() -> new ActionRefusedException(Message.of("action.not-found")));
        ActionKind kind = row.kind();
        if (kind.irreversible()) {
            throw new ActionRefusedException(Message.of("action.undo.irreversible"));
        }
        if (!kind.writes()) {
            throw new ActionRefusedException(Message.of("action.undo.nothing"));
        }
        ActionStatus status = row.status();
        if (status != ActionStatus.COMPLETED) {
            throw new ActionRefusedException(Message.of("action.undo.not-completed", Message.of(status.labelKey())));
        }
        Instant started = row.startedAt();
        if (registry.find(row.actionId()).orElse(null) instanceof ReversibleAction<?> reversible) {
            return undoItself(row, reversible, overwrite, !started.plus(properties.undoWindow()).isBefore(clock.instant()));
        }
        if (started.plus(properties.undoWindow()).isBefore(clock.instant())) {
            throw new ActionRefusedException(Message.of("action.undo.too-late", properties.undoWindow().toHours()));
        }
        List<RecordWrite> writes = Json.writes(row.writesJson());
        if (writes.isEmpty()) {
            throw new ActionRefusedException(Message.of("action.undo.nothing"));
        }
        List<UndoConflict> conflicts = conflicts(writes);
        if (!conflicts.isEmpty() && !overwrite) {
            return new UndoResult(UndoResult.Outcome.NEEDS_OVERWRITE_CONFIRMATION, conflicts, 0,
                    Message.of("action.undo.conflicts", conflicts.size()));
        }
        if (!repository.claimUndo(actionLogId, clock.instant())) {
            throw new ActionRefusedException(Message.of("action.undo.already"));
        }
        List<String> notRestored = effects.rollback(writes);
        if (!notRestored.isEmpty()) {
            repository.revertUndo(actionLogId);
            throw new ActionRefusedException(Message.of("action.undo.failed", String.join(", ", notRestored)));
        }
        int refunded = 0;
        if (row.reservationId() != null && charges.refundCommitted(row.reservationId(),
                Message.of("action.ledger.undo", actionLogId))) {
            refunded = row.cost();
        }
        ActionDefinition<?, ?> definition = registry.get(row.actionId());
        effects.note(row.target(), Message.of("action.undo.note", definition.label(), refunded));
        effects.publish(ActionEvent.UNDONE, Message.of("action.event.undone", Json.readMessage(row.summary())), actionLogId,
                definition, refunded);
        return new UndoResult(UndoResult.Outcome.UNDONE, conflicts, refunded,
                Message.of("action.undo.done", refunded));
    }

    /** An action that undoes itself (see {@link ReversibleAction}): claimed once, refunded within the window. */
    @SuppressWarnings("unchecked")
    private UndoResult undoItself(ActionLogRow row, ReversibleAction<?> action, boolean overwrite, boolean inWindow) {
        ReversibleAction<Object> reversible = (ReversibleAction<Object>) action;
        ActionDefinition<?, ?> definition = registry.get(row.actionId());
        Object result = Json.read(row.resultJson(), definition.resultType());
        List<UndoConflict> conflicts = reversible.undoConflicts(result);
        if (!conflicts.isEmpty() && !overwrite) {
            return new UndoResult(UndoResult.Outcome.NEEDS_OVERWRITE_CONFIRMATION, conflicts, 0,
                    Message.of("action.undo.data-written", conflicts.size()));
        }
        if (!repository.claimUndo(row.id(), clock.instant())) {
            throw new ActionRefusedException(Message.of("action.undo.already"));
        }
        try {
            reversible.reverse(result, overwrite);
        } catch (ActionRefusedException refused) {
            repository.revertUndo(row.id());
            throw refused;
        } catch (Exception failed) {
            repository.revertUndo(row.id());
            throw new ActionRefusedException(Message.of("action.undo.reverse-failed", ActionPipeline.messageOf(failed)));
        }
        int refunded = 0;
        if (inWindow && row.reservationId() != null && charges.refundCommitted(row.reservationId(),
                Message.of("action.ledger.undo", row.id()))) {
            refunded = row.cost();
        }
        effects.publish(ActionEvent.UNDONE, Message.of("action.event.undone", Json.readMessage(row.summary())), row.id(),
                definition, refunded);
        return new UndoResult(UndoResult.Outcome.UNDONE, conflicts, refunded, inWindow
                ? Message.of("action.undo.done", refunded) : Message.of("action.undo.done.late", properties.undoWindow().toHours()));
    }

    /** Fields whose value now differs from what the action wrote (the latest image wins for a field written twice). */
    private List<UndoConflict> conflicts(List<RecordWrite> writes) {
        record Images(EntityRef ref, String field, Object before, Object after) {
        }
        Map<String, Images> byField = new LinkedHashMap<>();
        for (RecordWrite write : writes) {
            write.after().forEach((field, after) -> byField.merge(
                    write.ref().entityType() + "\u0000" + write.ref().id() + "\u0000" + field,
                    new Images(write.ref(), field, write.before().get(field), after),
                    (first, later) -> new Images(first.ref(), first.field(), first.before(), later.after())));
        }
        Map<EntityRef, Set<String>> fieldsByRecord = new LinkedHashMap<>();
        byField.values().forEach(i -> fieldsByRecord.computeIfAbsent(i.ref(), r -> new LinkedHashSet<>()).add(i.field()));
        Map<EntityRef, Map<String, Object>> current = new HashMap<>();
        fieldsByRecord.forEach((ref, fields) -> current.put(ref, effects.crm().readAttributes(ref, fields)));
        List<UndoConflict> conflicts = new ArrayList<>();
        for (Images images : byField.values()) {
            Object now = current.getOrDefault(images.ref(), Map.of()).get(images.field());
            if (!Json.canonical(now).equals(Json.canonical(images.after()))) {
                conflicts.add(new UndoConflict(images.ref(), images.field(), String.valueOf(now),
                        String.valueOf(images.before())));
            }
        }
        return Collections.unmodifiableList(conflicts);
    }
}
