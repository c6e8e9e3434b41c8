package fr.macrea.max.ui.action;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.macrea.max.action.analysis.LeadAnalysis;
import fr.macrea.max.ui.base.Messages;
import fr.macrea.max.action.analysis.LeadAnalysisParams;
import fr.macrea.max.action.analysis.LeadAnalysisService;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.CrmIds;
import fr.macrea.max.ranking.LeadSearchService;
import fr.macrea.max.shared.Message;
import fr.macrea.max.security.Role;
import jakarta.annotation.security.RolesAllowed;

import java.util.stream.Collectors;

/**
 * "Analyse de leads" (Conseil, 2 tokens) behind an action card: the first real action of the pipeline. The lead
 * is picked by name, company or e-mail ({@link LeadPicker}); other screens (lead card) link here with
 * {@code ?lead=<id>}, which preselects it.
 */
@Route("analyse-lead")
@Menu(order = 45, title = "nav.lead-analysis")
@RolesAllowed(Role.USER)
public class LeadAnalysisView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CrmGateway crm;
    private final LeadPicker lead;
    private final Div result = new Div();

    public LeadAnalysisView(ActionCards cards, LeadSearchService search, CrmGateway crm) {
        this.crm = crm;
        this.lead = new LeadPicker(search);
        addClassName("lead-analysis-view");
        lead.setId("lead-picker");
        lead.setLabel(getTranslation("analysis.lead"));
        lead.setHelperText(getTranslation("analysis.lead.help"));
        lead.setPlaceholder(getTranslation("analysis.lead.placeholder"));
        lead.addValueChangeListener(e -> lead.setInvalid(false));
        result.setId("analysis-result");
        ActionCard<LeadAnalysisParams> card = cards.create(LeadAnalysisService.ACTION_ID, () -> {
                    LeadPicker.Option picked = lead.getValue();
                    return picked == null ? new LeadAnalysisParams(null)
                            : new LeadAnalysisParams(picked.id(), picked.name());
                }, outcome -> {
                    if (outcome.result() instanceof LeadAnalysis analysis) {
                        show(analysis);
                    }
                });
        add(new H2(getTranslation("nav.lead-analysis")), new Paragraph(getTranslation("analysis.intro")), lead, card,
                result);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("lead").ifPresent(this::preselect);
    }

    /** Coming from a lead card: its lead, or a clear error on the picker (a bad or unknown id in the address). */
    private void preselect(String id) {
        if (!CrmIds.isValid(id)) {
            showError(Message.of("lead-analysis.id.invalid", CrmIds.MAX_LENGTH));
            return;
        }
        crm.findLead(id).map(LeadPicker.Option::of).ifPresentOrElse(lead::setValue,
                () -> showError(Message.of("lead-analysis.lead.not-found", id)));
    }

    private void showError(Message message) {
        lead.clear();
        lead.setErrorMessage(Messages.text(this, message));
        lead.setInvalid(true);
    }

    private void show(LeadAnalysis a) {
        result.removeAll();
        result.addClassName("analysis-result");
        Paragraph summary = new Paragraph(Messages.text(this, a.summary()));
        summary.setId("analysis-summary");
        UnorderedList facts = new UnorderedList(
                new ListItem(getTranslation("analysis.status", Messages.text(this, a.statusLabel()))),
                new ListItem(getTranslation("analysis.score", a.score(), Messages.text(this, a.temperature()))),
                new ListItem(getTranslation("analysis.recency", Messages.text(this, a.recency()))),
                new ListItem(getTranslation("analysis.activity", a.activityCounts().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))),
                new ListItem(getTranslation("analysis.campaign", a.campaign().sent(), a.campaign().opened(),
                        a.campaign().clicked())),
                new ListItem(getTranslation("analysis.missing", a.missingFields().isEmpty() ? "—"
                        : Messages.join(this, a.missingFields(), ", "))));
        UnorderedList next = new UnorderedList();
        next.setId("analysis-next-actions");
        a.nextActions().forEach(n -> next.add(new ListItem(Messages.text(this, n))));
        result.add(summary, facts, new H4(getTranslation("analysis.next")), next);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.lead-analysis") + " — M.A.X.";
    }
}
