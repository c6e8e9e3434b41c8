package fr.macrea.max.ui.crm;

import fr.macrea.max.ui.base.Dates;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import fr.macrea.max.shared.LocalizedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.macrea.max.crm.CrmConnectionService;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.ranking.LeadFilter;
import fr.macrea.max.ranking.LeadRow;
import fr.macrea.max.ranking.LeadSearchService;
import fr.macrea.max.ranking.LeadSegment;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.ui.base.Messages;
import fr.macrea.max.ui.action.ActionCards;
import jakarta.annotation.security.RolesAllowed;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The CRM tab (SPEC §6.4): lead search and filters (actif, chaud, froid, à relancer, status, source, tags, assigned
 * user, dates) over keyset pages, the intelligent ranking with its reasons, the lead card, and the EspoCRM sync status.
 */
@Route("crm")
@Menu(order = 40, title = "nav.crm")
@RolesAllowed(Role.USER)
public class CrmView extends VerticalLayout implements HasDynamicTitle {

    static final List<String> STATUSES = List.of("New", "Assigned", "In Process", "Converted", "Recycled", "Dead");
    static final int RANKING_SIZE = 10;

    private final transient LeadSearchService search;
    private final TextField text = new TextField();
    private final Select<LeadSegment> segment = new Select<>();
    private final MultiSelectComboBox<String> statuses = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<String> sources = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>();
    private final ComboBox<String> assigned = new ComboBox<>();
    private final DatePicker createdFrom = new DatePicker();
    private final DatePicker createdTo = new DatePicker();
    private final Grid<LeadRow> grid = new Grid<>();
    private final Span resultCount = new Span();
    private final Span empty = new Span();
    private final Grid<LeadRow> ranking = new Grid<>();
    private final LeadCard card;
    private final Div drawer = new Div();
    private final List<String> knownTags;
    private final CustomFieldFilters customFilters;
    private final List<Grid.Column<LeadRow>> customColumns = new java.util.ArrayList<>();
    private transient KeysetPager pager;

    public CrmView(LeadSearchService search, CrmGateway crm, ActionCards cards, TenantService tenants,
                   CrmConnectionService connections) {
        this.search = search;
        this.card = new LeadCard(crm, cards);
        this.knownTags = search.tags();
        this.customFilters = new CustomFieldFilters(search.customFields(), search.views(), this::refresh);
        addClassName("crm-view");
        setSizeFull();

        text.setId("crm-search");
        text.setPlaceholder(getTranslation("crm.search.placeholder"));
        text.setLabel(getTranslation("crm.search"));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setMaxLength(LeadFilter.TEXT_MAX_LENGTH);
        segment.setId("crm-segment");
        segment.setLabel(getTranslation("crm.filter.segment"));
        segment.setItems(LeadSegment.values());
        segment.setEmptySelectionAllowed(true);
        segment.setEmptySelectionCaption(getTranslation("crm.filter.all"));
        segment.setItemLabelGenerator(s -> s == null ? getTranslation("crm.filter.all") : getTranslation("crm.segment." + s.name()));
        statuses.setId("crm-status");
        statuses.setLabel(getTranslation("crm.filter.status"));
        statuses.setItems(STATUSES);
        statuses.setItemLabelGenerator(s -> statusLabel(this, s));
        sources.setId("crm-source");
        sources.setLabel(getTranslation("crm.filter.source"));
        sources.setItems(search.sources());
        sources.setItemLabelGenerator(s -> CrmValueText.leadSource(this, s));
        tags.setId("crm-tags");
        tags.setLabel(getTranslation("crm.filter.tags"));
        tags.setItems(knownTags);
        Map<String, String> users = search.users();
        assigned.setId("crm-assigned");
        assigned.setLabel(getTranslation("crm.filter.assigned"));
        assigned.setItems(users.keySet());
        assigned.setItemLabelGenerator(id -> users.getOrDefault(id, id));
        assigned.setClearButtonVisible(true);
        createdFrom.setId("crm-created-from");
        createdFrom.setLabel(getTranslation("crm.filter.created-from"));
        createdTo.setId("crm-created-to");
        createdTo.setLabel(getTranslation("crm.filter.created-to"));
        text.addValueChangeListener(e -> refresh());
        segment.addValueChangeListener(e -> refresh());
        statuses.addValueChangeListener(e -> refresh());
        sources.addValueChangeListener(e -> refresh());
        tags.addValueChangeListener(e -> refresh());
        assigned.addValueChangeListener(e -> refresh());
        createdFrom.addValueChangeListener(e -> refresh());
        createdTo.addValueChangeListener(e -> refresh());
        FlexLayout filters = new FlexLayout(text, segment, statuses, sources, tags, assigned, createdFrom, createdTo);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassName("crm-filters");

        grid.setId("crm-grid");
        resultCount.setId("crm-result-count");
        resultCount.addClassName("crm-result-count");
        empty.setId("crm-empty");
        empty.addClassName("crm-empty");
        empty.setText(getTranslation("crm.search.empty"));
        configure(grid, true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                openCard(e.getValue());
            }
        });
        ranking.setId("crm-ranking");
        configure(ranking, false);
        ranking.setAllRowsVisible(true);
        ranking.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                openCard(e.getValue());
            }
        });

        // the lists take the whole width; the card is a drawer over the right side that opens on a selection
        VerticalLayout lists = new VerticalLayout(filters, customFilters, resultCount, empty, grid,
                new H3(getTranslation("crm.ranking")), ranking);
        lists.setPadding(false);
        lists.setWidthFull();
        lists.addClassName("crm-lists");
        Button close = new Button(VaadinIcon.CLOSE.create(), e -> closeCard());
        close.setId("lead-drawer-close");
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        close.setAriaLabel(getTranslation("crm.drawer.close"));
        close.setTooltipText(getTranslation("crm.drawer.close"));
        close.addClassName("lead-drawer-close");
        close.addClickShortcut(Key.ESCAPE);
        drawer.setId("lead-drawer");
        drawer.addClassName("lead-drawer");
        drawer.add(close, card);
        drawer.setVisible(false);
        HorizontalLayout title = new HorizontalLayout(new H2(getTranslation("crm.title")),
                new CrmSyncStatusBox(tenants, connections));
        title.addClassName("crm-title");
        add(title, lists, drawer);
        refresh();
        ranking.setItems(search.topRanked(RANKING_SIZE));
    }

    private void openCard(LeadRow row) {
        card.show(row, knownTags, search.customFields());
        drawer.setVisible(true);
        addClassName("card-open");
    }

    /** Closes the drawer and clears the selection, so picking the same lead again reopens it. */
    void closeCard() {
        drawer.setVisible(false);
        removeClassName("card-open");
        grid.asSingleSelect().clear();
        ranking.asSingleSelect().clear();
    }

    /**
     * Name, score and reasons first: they are what the list is for, and they stay on screen when the other columns
     * scroll inside the grid on a narrow window.
     */
    private void configure(Grid<LeadRow> g, boolean full) {
        g.addColumn(LeadRow::name).setHeader(getTranslation("crm.col.name")).setAutoWidth(true).setFlexGrow(0)
                .setKey("name");
        g.addColumn(LeadRow::score).setHeader(getTranslation("crm.col.score")).setKey("score").setWidth("5.5rem")
                .setFlexGrow(0);
        g.addColumn(r -> Messages.join(this, r.reasons(), " · ")).setHeader(getTranslation("crm.col.reasons"))
                .setKey("reasons").setWidth("18rem").setFlexGrow(3);
        g.addColumn(r -> r.temperature() == null ? "" : getTranslation("crm.segment." + r.temperature().name()))
                .setHeader(getTranslation("crm.col.temperature")).setKey("temperature").setAutoWidth(true).setFlexGrow(0);
        if (full) {
            g.addColumn(r -> r.accountName() == null ? "" : r.accountName()).setHeader(getTranslation("crm.col.company"));
            g.addColumn(r -> r.emailAddress() == null ? "" : r.emailAddress()).setHeader(getTranslation("crm.col.email"));
            g.addColumn(r -> statusLabel(this, r.status())).setHeader(getTranslation("crm.col.status"));
            g.addColumn(r -> CrmValueText.leadSource(this, r.source())).setHeader(getTranslation("crm.col.source"));
            g.addColumn(r -> String.join(", ", r.tags())).setHeader(getTranslation("crm.col.tags"));
            g.addColumn(r -> r.assignedUserName() == null ? "" : r.assignedUserName()).setHeader(getTranslation("crm.col.assigned"));
            g.addColumn(r -> Dates.date(r.createdAt(), getLocale())).setHeader(getTranslation("crm.col.created"));
        }
        g.getColumns().forEach(c -> c.setResizable(true));
    }

    /** Re-runs the search with the current filters; the grid pulls keyset pages as the user scrolls. */
    void refresh() {
        LeadFilter filter;
        try {
            filter = new LeadFilter(text.getValue(), segment.getValue(), statuses.getValue(), sources.getValue(),
                    tags.getValue(), assigned.getValue(), start(createdFrom.getValue()), endExclusive(createdTo.getValue()),
                    customFilters.criteria());
        } catch (LocalizedException e) {
            if (e.message().key().equals("ranking.search.too-long")) {
                text.setErrorMessage(Messages.text(this, e));
                text.setInvalid(true);
            } else {
                Notification.show(Messages.text(this, e), 5000, Notification.Position.MIDDLE);
            }
            return;
        }
        text.setInvalid(false);
        showCustomColumns();
        int matches = search.count(filter);
        resultCount.setText(getTranslation("crm.search.count", matches));
        empty.setVisible(matches == 0);
        grid.setVisible(matches > 0);
        KeysetPager next = new KeysetPager(filter, (f, cursor) -> search.search(f, cursor, KeysetPager.PAGE));
        pager = next;
        grid.setItems(query -> next.fetch(query.getOffset(), query.getLimit()));
    }

    private static java.time.Instant start(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static java.time.Instant endExclusive(LocalDate day) {
        return day == null ? null : day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The chosen view's own fields as columns, after the standard ones. */
    private void showCustomColumns() {
        customColumns.forEach(grid::removeColumn);
        customColumns.clear();
        for (var field : customFilters.columns()) {
            Grid.Column<LeadRow> column = grid.addColumn(r -> CustomValueText.of(this, r.custom().get(field.name())))
                    .setHeader(field.label(getLocale().getLanguage())).setKey("custom-" + field.name()).setResizable(true);
            customColumns.add(column);
        }
    }

    static String statusLabel(Component c, String status) {
        return CrmValueText.leadStatus(c, status);
    }

    /** The pager behind the grid (tests check that scrolling loads pages, never a count). */
    KeysetPager pager() {
        return pager;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("crm.title") + " — M.A.X.";
    }
}
