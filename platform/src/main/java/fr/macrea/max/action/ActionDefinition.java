package fr.macrea.max.action;

import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.shared.Message;
import fr.macrea.max.wallet.Right;

/**
 * An action any feature plugs into the pipeline (declare it as a Spring bean). The pipeline does everything around
 * {@link #execute}: entitlement, mode guard, quote, reservation, timeout, commit or refund, rollback of CRM writes,
 * logs and events. An executor reads and writes the CRM through the {@link ActionContext} only, so that every
 * write is recorded and can be rolled back or undone.
 *
 * @param <P> parameters (a record, serialisable to JSON: drafts store them until validated)
 * @param <R> result (a record, serialisable to JSON: replayed requests return the stored result)
 */
public interface ActionDefinition<P, R> {

    /** Stable id, also the key of the tenant's price table (e.g. {@code lead.analysis}). */
    String id();

    /** Its name, rendered in the user's language on cards and logs, in French in CRM notes. */
    Message label();

    ActionKind kind();

    Right requiredRight();

    Class<P> paramsType();

    Class<R> resultType();

    /**
     * Refuses bad parameters (an {@link ActionRefusedException} naming the rule) before anything is claimed, charged
     * or logged: a value too long for the log's columns must come back as a message, not as a database error.
     */
    default void validate(P params) {
    }

    /**
     * One line naming this call (log, drafts inbox, ledger, feed, notifications): a message, stored as its key and
     * arguments, so each reader sees it in their own language. Name records by what users know them by (a lead's
     * name, not its id).
     */
    Message describe(P params);

    /** The CRM record whose stream gets the action's note, or null. */
    default EntityRef target(P params) {
        return null;
    }

    /**
     * Whether a human always validates this action first, whatever the mode (SPEC §8: a schema migration is always
     * Assisté in MVP1): Conseil refuses it, Assisté and Auto make it a draft that a tenant admin validates.
     */
    default boolean alwaysValidated() {
        return false;
    }

    /**
     * Checks made when a tenant admin validates a draft of this action, before the draft is claimed: an
     * {@link ActionRefusedException} leaves the draft in the inbox (e.g. a confirmation the action's own screen
     * collects is missing).
     */
    default void beforeValidation(P params) {
    }

    /**
     * How many times the price-table line this call counts (a send is priced per started 100 recipients): the
     * quote and the reservation are {@code price × units}. Evaluated before anything is claimed.
     */
    default int units(P params) {
        return 1;
    }

    /**
     * Whether a completed run may give back the units it did not use ({@link ActionService#refundUnusedUnits}):
     * only actions whose work goes on after they return and can fall short of what was charged (a send whose
     * recipients opt out before their batch). Any other action refuses such a refund.
     */
    default boolean refundsUnusedUnits() {
        return false;
    }

    R execute(P params, ActionContext context) throws Exception;
}
