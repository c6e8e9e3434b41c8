package fr.macrea.max.action.analysis;

import fr.macrea.max.shared.Message;
import fr.macrea.max.action.ActionContext;
import fr.macrea.max.action.ActionDefinition;
import fr.macrea.max.action.ActionKind;
import fr.macrea.max.action.ActionRefusedException;
import fr.macrea.max.crm.CrmException;
import fr.macrea.max.crm.CrmGateway;
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
    private final CrmGateway crm;

    LeadAnalysisAction(Clock clock, List<RankingWeights> weights, CrmGateway crm) {
        this.clock = clock;
        this.weights = List.copyOf(weights);
        this.crm = crm;
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

    /**
     * "analyse du lead Inès Durand": the lead's name as the CRM has it (a suggestion's prefill carries only the id),
     * else its company, else the name the screen passed; the id only when the CRM knows none of them.
     */
    @Override
    public Message describe(LeadAnalysisParams params) {
        String name = clip(nameInCrm(params.leadId()));
        if (name.isEmpty()) {
            name = clip(params.leadName());
        }
        return name.isEmpty() ? Message.of("lead-analysis.action.summary", params.leadId())
                : Message.of("lead-analysis.action.summary.named", name);
    }

    private String nameInCrm(String leadId) {
        if (!CrmIds.isValid(leadId)) {
            return "";
        }
        try {
            return crm.findLead(leadId)
                    .map(l -> l.name().isEmpty() && l.accountName() != null ? l.accountName() : l.name())
                    .orElse("");
        } catch (CrmException unavailable) {
            // the summary is a label: a CRM that cannot answer now leaves the screen's name or the id
            return "";
        }
    }

    private static String clip(String name) {
        String n = name == null ? "" : name.strip();
        return n.substring(0, Math.min(n.length(), LeadAnalysisParams.NAME_LENGTH));
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
