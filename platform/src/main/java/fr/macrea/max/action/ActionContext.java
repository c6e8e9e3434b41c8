package fr.macrea.max.action;

import fr.macrea.max.shared.Message;

import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.crm.Lead;
import fr.macrea.max.crm.RecordWrite;
import fr.macrea.max.crm.TimelineEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What an executing action may touch: CRM reads, and CRM writes that are recorded (before/after images) so the
 * pipeline can roll them back on failure and the action log can undo them. Once the action has timed out the
 * context refuses further writes.
 */
public final class ActionContext {

    private final CrmGateway crm;
    private final Mode mode;
    private final List<RecordWrite> writes = new CopyOnWriteArrayList<>();
    private final long actionLogId;
    private volatile boolean cancelled;

    ActionContext(CrmGateway crm, Mode mode) {
        this(crm, mode, 0);
    }

    ActionContext(CrmGateway crm, Mode mode, long actionLogId) {
        this.crm = crm;
        this.mode = mode;
        this.actionLogId = actionLogId;
    }

    /**
     * The action log row of this run: an action whose work goes on after it returns (a send's batches) names its
     * run by it, e.g. to give back the units it did not use ({@link ActionService#refundUnusedUnits}).
     */
    public long actionLogId() {
        return actionLogId;
    }

    public Mode mode() {
        return mode;
    }

    public Optional<Lead> findLead(String id) {
        return crm.findLead(id);
    }

    public Map<String, Object> readAttributes(EntityRef ref, Set<String> attributes) {
        return crm.readAttributes(ref, attributes);
    }

    public List<TimelineEntry> timeline(EntityRef ref, int limit) {
        return crm.timeline(ref, limit);
    }

    /** Writes through the CRM port and records the before/after images. */
    public RecordWrite update(EntityRef ref, Map<String, Object> changes) {
        if (cancelled) {
            throw new ActionAbortedException(Message.of("action.context.cancelled"));
        }
        RecordWrite write = crm.update(ref, changes);
        writes.add(write);
        return write;
    }

    /** Stops the action and rolls back what it wrote; the tokens are refunded. */
    public void abort(Message reason) {
        throw new ActionAbortedException(reason);
    }

    public boolean cancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }

    List<RecordWrite> writes() {
        return new ArrayList<>(writes);
    }
}
