package fr.macrea.max.action.analysis;

import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.ActionRequest;
import fr.macrea.max.action.ActionService;
import fr.macrea.max.wallet.DefaultPrices;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** "Analyse de leads" through the action pipeline: quoted, charged, logged like every action. */
@Service
public class LeadAnalysisService {

    public static final String ACTION_ID = DefaultPrices.LEAD_ANALYSIS;

    private final ActionService actions;

    LeadAnalysisService(ActionService actions) {
        this.actions = actions;
    }

    /**
     * The analysis and its charge ({@link ActionOutcome#cost()}); a replay with the same key is not re-charged. A blank
     * or malformed id is refused before any charge ({@link fr.macrea.max.action.ActionRefusedException}).
     */
    @PreAuthorize("hasRole('TENANT_USER')")
    public ActionOutcome<LeadAnalysis> analyseLead(String leadId, String idempotencyKey) {
        // the id is checked by the action itself (LeadAnalysisAction.validate), before the pipeline claims or charges
        return actions.run(ActionRequest.of(ACTION_ID, new LeadAnalysisParams(leadId), idempotencyKey));
    }
}
