package fr.macrea.max.ui.reporting;

import java.util.Map;

/**
 * What the Reporting and CRM tabs need from the action pipeline: a quote for the action card (mode, cost, balance
 * after) and running an action. A seam so these tabs do not depend on the pipeline's internals; the implementation
 * delegates to the wallet feature's {@code ActionService}.
 */
public interface AiActions {

    /**
     * @param allowed false when the card must not offer confirmation (mode Conseil for a write, plan, balance)
     */
    record Quote(String actionId, String label, String mode, int cost, int balance, int balanceAfter, String message,
                 boolean allowed) {
    }

    Quote quote(String actionId);

    /** Runs the action in the user's current mode; returns the French outcome message. */
    String run(String actionId, Map<String, Object> params);

    /** "Analyser avec M.A.X." on one lead; returns the analysis summary and next actions (French). */
    String analyseLead(String leadId);
}
