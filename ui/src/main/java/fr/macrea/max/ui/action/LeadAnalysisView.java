package fr.macrea.max.ui.action;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.macrea.max.action.analysis.LeadAnalysis;
import fr.macrea.max.ui.base.Messages;
import fr.macrea.max.action.analysis.LeadAnalysisParams;
import fr.macrea.max.action.analysis.LeadAnalysisService;
import fr.macrea.max.security.Role;
import jakarta.annotation.security.RolesAllowed;

import java.util.stream.Collectors;

/**
 * "Analyse de leads" (Conseil, 2 tokens) behind an action card: the first real action of the pipeline. Other
 * screens (lead list, lead page) link here with {@code ?lead=<id>}.
 */
@Route("analyse-lead")
@Menu(order = 45, title = "nav.lead-analysis")
@RolesAllowed(Role.USER)
public class LeadAnalysisView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TextField leadId = new TextField();
    private final Div result = new Div();

    public LeadAnalysisView(ActionCards cards) {
        addClassName("lead-analysis-view");
        leadId.setId("lead-id");
        leadId.setLabel(getTranslation("analysis.lead-id"));
        leadId.setHelperText(getTranslation("analysis.lead-id.help"));
        result.setId("analysis-result");
        ActionCard<LeadAnalysisParams> card = cards.create(LeadAnalysisService.ACTION_ID,
                () -> new LeadAnalysisParams(leadId.getValue().strip()), outcome -> {
                    if (outcome.result() instanceof LeadAnalysis analysis) {
                        show(analysis);
                    }
                });
        add(new H2(getTranslation("nav.lead-analysis")), new Paragraph(getTranslation("analysis.intro")), leadId, card,
                result);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("lead").ifPresent(leadId::setValue);
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
