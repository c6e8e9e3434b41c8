package fr.macrea.max.ui.reporting;

import fr.macrea.max.ui.base.Dates;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.macrea.max.event.EventFeedService;
import fr.macrea.max.event.FeedEvent;
import fr.macrea.max.kpi.KpiService;
import fr.macrea.max.kpi.KpiValue;
import fr.macrea.max.reporting.Dashboard;
import fr.macrea.max.reporting.Period;
import fr.macrea.max.reporting.ReportingService;
import fr.macrea.max.security.Role;
import fr.macrea.max.suggestion.Suggestion;
import fr.macrea.max.ui.base.Messages;
import fr.macrea.max.ui.base.Numbers;
import fr.macrea.max.suggestion.SuggestionService;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.ui.action.ActionCards;
import fr.macrea.max.ui.event.LiveEvents;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/**
 * The Reporting tab (SPEC §6.1): lead totals, temperatures, campaign tracking, messages, charts (server-side SVG),
 * the latest CRM activities, and suggestions with their "Créer une action IA" button. Refreshes itself when the
 * tenant's CRM data changes.
 */
@Route("reporting")
@Menu(order = 10, title = "nav.reporting")
@RolesAllowed(Role.USER)
public class ReportingView extends VerticalLayout implements HasDynamicTitle {

    static final int TIMELINE_SIZE = 15;

    private final transient ReportingService reporting;
    private final transient SuggestionService suggestions;
    private final transient ActionCards cards;
    private final transient TenantContext tenants;
    private final transient KpiService kpis;
    private final Div kpiList = new Div();
    private final VerticalLayout liveFeed = new VerticalLayout();
    static final int LIVE_SIZE = 12;
    private final RadioButtonGroup<Period> period = new RadioButtonGroup<>();
    private final Div figures = new Div();
    private final Div charts = new Div();
    private final VerticalLayout timeline = new VerticalLayout();
    private final VerticalLayout suggestionList = new VerticalLayout();
    private transient AutoCloseable crmChanges;

    public ReportingView(ReportingService reporting, SuggestionService suggestions, ActionCards cards,
                         TenantContext tenants, KpiService kpis, EventFeedService feed) {
        this.reporting = reporting;
        this.kpis = kpis;
        this.suggestions = suggestions;
        this.cards = cards;
        this.tenants = tenants;
        addClassName("reporting-view");
        H2 title = new H2(getTranslation("reporting.title"));
        period.setId("reporting-period");
        period.setLabel(getTranslation("reporting.period"));
        period.setItems(Period.values());
        period.setItemLabelGenerator(p -> getTranslation("reporting.period.days", p.days()));
        period.setValue(Period.DAYS_30);
        period.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                refreshFigures();
            }
        });
        figures.setId("reporting-figures");
        figures.addClassName("reporting-figures");
        charts.setId("reporting-charts");
        charts.addClassName("reporting-charts");
        timeline.setId("reporting-timeline");
        timeline.setPadding(false);
        timeline.setSpacing(false);
        suggestionList.setId("reporting-suggestions");
        suggestionList.setPadding(false);
        liveFeed.setId("reporting-live");
        liveFeed.setPadding(false);
        liveFeed.setSpacing(false);
        HorizontalLayout columns = new HorizontalLayout(
                section("reporting.suggestions", suggestionList),
                section("reporting.live", liveFeed),
                section("reporting.timeline", timeline));
        columns.setWidthFull();
        columns.addClassName("reporting-columns");
        kpiList.setId("reporting-kpis");
        kpiList.addClassName("reporting-figures");
        add(new HorizontalLayout(title, period), figures, section("reporting.kpis", kpiList), charts, columns);
        refreshFigures();
        refreshKpis();
        refreshTimeline();
        refreshSuggestions();
        List<FeedEvent> recent = feed.latest(LIVE_SIZE);
        if (recent.isEmpty()) {
            Span none = new Span(getTranslation("reporting.live.empty"));
            none.setId("reporting-live-empty");
            liveFeed.add(none);
        }
        recent.forEach(e -> liveFeed.add(feedItem(e)));
        // server push: new events of the tenant appear at once (the header bell toasts AI actions, once)
        LiveEvents.follow(this, feed, tenants, this::onLiveEvent);
    }

    void onLiveEvent(FeedEvent event) {
        liveFeed.getChildren().filter(c -> "reporting-live-empty".equals(c.getId().orElse(null))).toList()
                .forEach(liveFeed::remove);
        liveFeed.addComponentAsFirst(feedItem(event));
        while (liveFeed.getComponentCount() > LIVE_SIZE) {
            liveFeed.remove(liveFeed.getComponentAt(liveFeed.getComponentCount() - 1));
        }
    }

    private Div feedItem(FeedEvent e) {
        Div item = new Div(new Span(Dates.dayMonthTime(e.occurredAt(), getLocale()) + " · "), new Span(Messages.text(this, e.message())));
        item.addClassName("reporting-live-item");
        item.getElement().setAttribute("data-type", e.type());
        return item;
    }

    private VerticalLayout section(String key, com.vaadin.flow.component.Component content) {
        VerticalLayout section = new VerticalLayout(new H3(getTranslation(key)), content);
        section.setPadding(false);
        section.addClassName("reporting-section");
        return section;
    }

    void refreshFigures() {
        Dashboard d = reporting.dashboard(period.getValue());
        figures.removeAll();
        figures.add(
                group("reporting.leads",
                        tile("leads-total", "reporting.leads.total", d.leads().total()),
                        tile("leads-active", "reporting.leads.active", d.leads().active()),
                        tile("leads-new", "reporting.leads.new", d.leads().created()),
                        tile("leads-archived", "reporting.leads.archived", d.leads().archived())),
                group("reporting.temperature",
                        tile("leads-hot", "reporting.leads.hot", d.temperatures().hot()),
                        tile("leads-follow-up", "reporting.leads.follow-up", d.temperatures().followUp()),
                        tile("leads-cold", "reporting.leads.cold", d.temperatures().cold())),
                group("reporting.campaigns",
                        tile("campaigns-created", "reporting.campaigns.created", d.campaigns().created()),
                        tile("campaigns-sent", "reporting.campaigns.sent", d.campaigns().sent()),
                        rate(tile("campaigns-opened", "reporting.campaigns.opened", d.campaigns().opened()),
                                "campaigns-open-rate", d.campaigns().openRate()),
                        rate(tile("campaigns-clicked", "reporting.campaigns.clicked", d.campaigns().clicked()),
                                "campaigns-click-rate", d.campaigns().clickRate())),
                group("reporting.messages",
                        tile("messages-sent", "reporting.messages.sent", d.messages().sent()),
                        tile("messages-pending", "reporting.messages.pending", d.messages().pending()),
                        tile("messages-follow-up", "reporting.messages.follow-up", d.messages().toFollowUp())));
        charts.removeAll();
        Div leadsChart = new Div(Charts.newLeads(d.newLeadsPerDay(), getTranslation("reporting.chart.new-leads"),
                getTranslation("reporting.chart.leads")));
        leadsChart.setId("chart-new-leads");
        Div campaignChart = new Div(Charts.campaignFunnel(d.campaigns(), getTranslation("reporting.chart.campaigns"),
                getTranslation("reporting.campaigns.sent"), getTranslation("reporting.campaigns.opened"),
                getTranslation("reporting.campaigns.clicked")));
        campaignChart.setId("chart-campaigns");
        charts.add(leadsChart, campaignChart);
    }

    void refreshKpis() {
        kpiList.removeAll();
        var values = kpis.activeKpis(getLocale());
        if (values.isEmpty()) {
            kpiList.add(new Span(getTranslation("reporting.kpis.none")));
        }
        for (KpiValue k : values) {
            Div tile = KpiTiles.tile(k, n -> getTranslation("reporting.kpis.more", n),
                    k.available() ? null : Messages.text(this, k.problem()), this);
            kpiList.add(tile);
        }
    }

    void refreshTimeline() {
        timeline.removeAll();
        var latest = reporting.latestActivities(TIMELINE_SIZE);
        if (latest.isEmpty()) {
            timeline.add(new Span(getTranslation("reporting.timeline.empty")));
        }
        for (Dashboard.Activity a : latest) {
            Div item = new Div();
            item.addClassName("reporting-activity");
            // the CRM tab's translator (EspoCRM's labels); M.A.X.'s own notes are named as such
            Span kind = new Span("MaxNote".equals(a.kind()) ? getTranslation("reporting.kind.MaxNote")
                    : fr.macrea.max.ui.crm.CrmValueText.kind(this, a.kind()));
            kind.addClassName("badge");
            item.add(kind, new Span(" " + (a.title() == null ? "" : a.title()) + " — " + Dates.dayMonthTime(a.at(), getLocale())));
            timeline.add(item);
        }
    }

    void refreshSuggestions() {
        suggestionList.removeAll();
        var list = suggestions.current();
        if (list.isEmpty()) {
            suggestionList.add(new Span(getTranslation("reporting.suggestions.empty")));
        }
        for (Suggestion s : list) {
            Div card = new Div();
            card.addClassName("reporting-suggestion");
            Span title = new Span(Messages.text(this, s.title()));
            title.addClassName("reporting-suggestion-title");
            Span detail = new Span(Messages.text(this, s.detail()));
            detail.addClassName("reporting-suggestion-detail");
            Button create = new Button(getTranslation("reporting.suggestion.create"),
                    e -> new SuggestionDialog(cards, s).open());
            create.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            card.add(title, detail, create);
            suggestionList.add(card);
        }
    }

    private Div group(String key, Div... tiles) {
        Div group = new Div(new H3(getTranslation(key)));
        group.addClassName("reporting-group");
        FlexLayout row = new FlexLayout(tiles);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        group.add(row);
        return group;
    }

    private Div tile(String id, String key, Integer value) {
        Span number = new Span(Numbers.integer(value == null ? 0 : value, getLocale()));
        number.setId(id);
        number.addClassName("kpi-value");
        Span label = new Span(getTranslation(key));
        label.addClassName("kpi-label");
        Div tile = new Div(number, label);
        tile.addClassName("kpi-tile");
        return tile;
    }

    private Div rate(Div tile, String id, double percent) {
        Span rate = new Span(Numbers.percent(percent, getLocale()));
        rate.setId(id);
        rate.addClassName("kpi-rate");
        tile.add(rate);
        return tile;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        tenants.find().ifPresent(tenant -> {
            Runnable refresh = SecuredAccess.of(this, () -> {
                refreshFigures();
                refreshKpis();
                refreshTimeline();
                refreshSuggestions();
            });
            crmChanges = suggestions.onChange(tenant, e -> refresh.run());
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (crmChanges != null) {
            try {
                crmChanges.close();
            } catch (Exception ignored) {
                // closing a subscription never fails
            }
            crmChanges = null;
        }
        super.onDetach(event);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reporting.title") + " — M.A.X.";
    }
}
