package fr.macrea.max.outbound;

import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.CrmQuery;
import fr.macrea.max.crm.EmailTemplate;
import fr.macrea.max.crm.Lead;
import fr.macrea.max.settings.ConsentSettings;
import fr.macrea.max.settings.TenantSettingsService;
import fr.macrea.max.shared.Message;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a send's audience (target lists, or CRM filters) to its leads and checks each one's consent, in pages:
 * the dry run the user confirms and the recipient list the send stores are the same computation.
 */
@Component
class SendPlanner {

    /** Upper bound of one send (a bigger audience is split by the user): keeps a plan inside the action's time. */
    static final int MAX_RECIPIENTS = 100_000;
    private static final int PAGE = CrmQuery.MAX_LIMIT;

    record Planned(EmailTemplate template, List<NewRecipient> recipients, int eligible,
                   Map<SkipReason, Integer> excluded) {

        SendPlan plan() {
            return new SendPlan(template.name(), eligible, excluded, SendPlan.unitsFor(eligible));
        }
    }

    private final CrmGateway crm;
    private final OutboundCrmRepository crmFacts;
    private final TenantSettingsService settings;

    SendPlanner(CrmGateway crm, OutboundCrmRepository crmFacts, TenantSettingsService settings) {
        this.crm = crm;
        this.crmFacts = crmFacts;
        this.settings = settings;
    }

    EmailTemplate template(String templateId) {
        if (templateId == null || templateId.isBlank()) {
            throw new OutboundException(Message.of("outbound.template.required"));
        }
        return crm.emailTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst()
                .orElseThrow(() -> new OutboundException(Message.of("outbound.template.not-found")));
    }

    Planned plan(SendParams params) {
        if (params == null || params.audience() == null) {
            throw new OutboundException(Message.of("outbound.audience.required"));
        }
        EmailTemplate template = template(params.templateId());
        if (template.subject() == null || template.subject().isBlank()) {
            throw new OutboundException(Message.of("outbound.template.no-subject", template.name()));
        }
        ConsentSettings consent = settings.consent();
        SendAudience audience = params.audience();
        List<NewRecipient> recipients = new ArrayList<>();
        if (!audience.targetListIds().isEmpty()) {
            List<String> ids = List.copyOf(crmFacts.targetListLeads(audience.targetListIds()));
            for (int from = 0; from < ids.size(); from += PAGE) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + PAGE));
                Map<String, Lead> found = crm.findLeads(chunk); // one read per page, not one per member
                check(chunk.stream().map(found::get).filter(java.util.Objects::nonNull).toList(), audience, consent,
                        recipients);
            }
        } else {
            CrmQuery query = new CrmQuery(audience.statuses(), audience.sources(), audience.tags(), null, null, null,
                    null, null, null, PAGE);
            // the whole audience in pages of the port's choosing (the embedded CRM: id order, an index range each)
            crm.scanLeads(query, page -> check(page, audience, consent, recipients));
        }
        if (recipients.isEmpty()) {
            throw new OutboundException(Message.of("outbound.audience.empty"));
        }
        int eligible = 0;
        Map<SkipReason, Integer> excluded = new EnumMap<>(SkipReason.class);
        for (NewRecipient r : recipients) {
            if (r.reason() == null) {
                eligible++;
            } else {
                excluded.merge(r.reason(), 1, Integer::sum);
            }
        }
        return new Planned(template, recipients, eligible, excluded);
    }

    private void check(List<Lead> leads, SendAudience audience, ConsentSettings consent, List<NewRecipient> out) {
        if (leads.isEmpty()) {
            return;
        }
        if (out.size() + leads.size() > MAX_RECIPIENTS) {
            throw new OutboundException(Message.of("outbound.audience.too-large", MAX_RECIPIENTS));
        }
        Map<String, Lead> byId = new LinkedHashMap<>();
        leads.forEach(l -> byId.put(l.id(), l));
        Map<String, String> optIns = crmFacts.optIns(byId.keySet());
        // any list, here and at send time: a person who opted out of one of our lists is not mailed by another
        Map<String, String> listOptOuts = crmFacts.listOptOuts(byId.keySet(), java.util.Set.of());
        for (Lead lead : byId.values()) {
            ConsentCheck.Verdict verdict = ConsentCheck.check(optIns, listOptOuts, lead.id(), lead.emailAddress(),
                    lead.emailOptedOut(), consent);
            out.add(new NewRecipient("Lead", lead.id(), lead.name(), lead.emailAddress(), verdict.reason(),
                    verdict.evidence()));
        }
    }

    /** The consent of some stored recipients again, at send time (someone may have opted out since the plan). */
    Map<Long, ConsentCheck.Verdict> recheck(List<RecipientRow> rows, ConsentSettings consent) {
        Map<String, RecipientRow> byLead = new LinkedHashMap<>();
        rows.forEach(r -> byLead.put(r.entityId(), r));
        Map<Long, ConsentCheck.Verdict> out = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return out;
        }
        Map<String, String> optIns = crmFacts.optIns(byLead.keySet());
        Map<String, String> listOptOuts = crmFacts.listOptOuts(byLead.keySet(), java.util.Set.of());
        Map<String, Lead> leads = crm.findLeads(byLead.keySet()); // one read for the batch, not one per person
        for (RecipientRow row : rows) {
            Optional<Lead> lead = Optional.ofNullable(leads.get(row.entityId()));
            String address = lead.map(Lead::emailAddress).orElse(null);
            out.put(row.id(), ConsentCheck.check(optIns, listOptOuts, row.entityId(), address,
                    lead.map(Lead::emailOptedOut).orElse(false), consent));
        }
        return out;
    }
}
