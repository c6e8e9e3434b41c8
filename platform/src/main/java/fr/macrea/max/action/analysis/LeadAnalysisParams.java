package fr.macrea.max.action.analysis;

/**
 * Which lead to analyse.
 *
 * @param leadName the lead's name as the screen shows it, or null: it only names the lead in the call's summary
 *                 (action log, ledger), the analysis itself reads the lead from the CRM
 */
public record LeadAnalysisParams(String leadId, String leadName) {

    /** Names longer than this are cut in the summary (the log's summary column holds 500 characters). */
    static final int NAME_LENGTH = 100;

    public LeadAnalysisParams(String leadId) {
        this(leadId, null);
    }
}
