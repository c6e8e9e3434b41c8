package fr.macrea.max.action.analysis;

import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.Message;
import fr.macrea.max.action.ActionContext;
import fr.macrea.max.action.ActionDefinition;
import fr.macrea.max.action.ActionKind;
import fr.macrea.max.action.ActionRefusedException;
import fr.macrea.max.crm.CrmIds;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.crm.Lead;
import fr.macrea.max.wallet.DefaultPrices;
import fr.macrea.max.wallet.Right;
import org.springframework.stereotype.Component;

import fr.macrea.max.ranking.RankingWeights;

import java.time.Clock;
import java.util.List;

/** "Analyse de leads" (Conseil, 2 tokens by default): reads the lead and its timeline, writes nothing. */
@Component
class LeadAnalysisAction implements ActionDefinition<LeadAnalysisParams, LeadAnalysis> {

    static final int TIMELINE_DEPTH = 200;

    private final Clock clock;
    private final List<RankingWeights> weights;

    LeadAnalysisAction(Clock clock, List<RankingWeights> weights) {
        this.clock = clock;
        this.weights = List.copyOf(weights);
    }

    @Override
    public String id() {
        return DefaultPrices.LEAD_ANALYSIS;
    }

    @Override
    public Message label() {
        return Message.of("lead-analysis.action.label");
    }

    @Override
    public ActionKind kind() {
        return ActionKind.READ;
    }

    @Override
    public Right requiredRight() {
        return Right.BASIC_AI;
    }

    @Override
    public Class<LeadAnalysisParams> paramsType() {
        return LeadAnalysisParams.class;
    }

    @Override
    public Class<LeadAnalysis> resultType() {
        return LeadAnalysis.class;
    }

    @Override
    public void validate(LeadAnalysisParams params) {
        if (params.leadId() == null || params.leadId().isBlank()) {
            throw new ActionRefusedException(Message.of("lead-analysis.lead.required"));
        }
        // the CRM's own id rule: EspoCRM ids are 17 hex characters, or UUIDs when EspoCRM runs in UUID mode
        if (!CrmIds.isValid(params.leadId())) {
            throw new ActionRefusedException(Message.of("lead-analysis.id.invalid", CrmIds.MAX_LENGTH));
        }
    }

    @Override
    public String describe(LeadAnalysisParams params) {
        String name = params.leadName() == null ? "" : params.leadName().strip();
        Message summary = name.isEmpty() ? Message.of("lead-analysis.action.summary", params.leadId())
                : Message.of("lead-analysis.action.summary.named", params.leadId(),
                        name.substring(0, Math.min(name.length(), LeadAnalysisParams.NAME_LENGTH)));
        // a summary is data stored once (log, ledger) and read in French, as the CRM notes
        return FrenchMessages.render(summary);
    }

    @Override
    public EntityRef target(LeadAnalysisParams params) {
        return EntityRef.lead(params.leadId());
    }

    @Override
    public LeadAnalysis execute(LeadAnalysisParams params, ActionContext context) {
        Lead lead = context.findLead(params.leadId()).orElse(null);
        if (lead == null) {
            context.abort(Message.of("lead-analysis.lead.not-found", params.leadId()));
        }
        return LeadAnalyzer.analyse(lead, context.timeline(EntityRef.lead(lead.id()), TIMELINE_DEPTH), clock.instant(), weights);
    }
}
