package fr.macrea.max.ui.console;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.macrea.max.brain.BrainActivationService;
import fr.macrea.max.brain.LoadedBrain;
import fr.macrea.max.plugins.api.CreativeTemplate;
import fr.macrea.max.plugins.api.FieldPlan;
import fr.macrea.max.plugins.api.KpiDefinition;
import fr.macrea.max.plugins.api.Label;
import fr.macrea.max.plugins.api.Scenario;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Platform console: what a tenant admin of the chosen tenant sees from its active brains (templates, KPIs,
 * scenarios, field plan). {@code ?tenant=<slug>} preselects a tenant.
 */
@Route("console/contributions")
@Menu(order = 92, title = "nav.console.contributions")
@RolesAllowed(Role.PLATFORM_ADMIN)
public class BrainContributionsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /** One row of the field plan grid. */
    record FieldRow(String brain, String entity, FieldPlan.Field field) {
    }

    /** One row of any other grid: the brain it comes from and the item. */
    record Row<T>(String brain, T item) {
    }

    private final transient BrainActivationService activations;
    private final Select<Tenant> tenant = new Select<>();
    private final Paragraph summary = new Paragraph();
    private final Grid<Row<CreativeTemplate>> templates = new Grid<>();
    private final Grid<Row<KpiDefinition>> kpis = new Grid<>();
    private final Grid<Row<Scenario>> scenarios = new Grid<>();
    private final Grid<FieldRow> fields = new Grid<>();

    public BrainContributionsView(TenantService tenants, BrainActivationService activations) {
        this.activations = activations;
        addClassName("console-view");
        tenant.setId("contributions-tenant");
        tenant.setLabel(getTranslation("console.contributions.tenant"));
        tenant.setItems(tenants.list());
        tenant.setItemLabelGenerator(t -> t.name() + " (" + t.plan().label() + ")");
        tenant.addValueChangeListener(e -> show(e.getValue()));
        summary.setId("contributions-summary");

        templates.setId("contributions-templates");
        templates.addColumn(Row::brain).setHeader(getTranslation("console.contributions.brain")).setAutoWidth(true);
        templates.addColumn(r -> text(r.item().name())).setHeader(getTranslation("console.contributions.name"));
        templates.addColumn(r -> getTranslation("console.channel." + r.item().channel().name())).setHeader(getTranslation("console.contributions.channel"));
        templates.addColumn(r -> r.item().subject()).setHeader(getTranslation("console.contributions.subject"));
        kpis.setId("contributions-kpis");
        kpis.addColumn(Row::brain).setHeader(getTranslation("console.contributions.brain")).setAutoWidth(true);
        kpis.addColumn(r -> text(r.item().label())).setHeader(getTranslation("console.contributions.name"));
        kpis.addColumn(r -> r.item().measure() + " · " + r.item().entity()
                + (r.item().groupBy().isEmpty() ? "" : " / " + r.item().groupBy())).setHeader(getTranslation("console.contributions.definition"));
        kpis.addColumn(r -> r.item().period().name()).setHeader(getTranslation("console.contributions.period"));
        scenarios.setId("contributions-scenarios");
        scenarios.addColumn(Row::brain).setHeader(getTranslation("console.contributions.brain")).setAutoWidth(true);
        scenarios.addColumn(r -> text(r.item().name())).setHeader(getTranslation("console.contributions.name"));
        scenarios.addColumn(r -> trigger(r.item())).setHeader(getTranslation("console.contributions.trigger"));
        scenarios.addColumn(r -> getTranslation("console.channel." + r.item().channel().name())).setHeader(getTranslation("console.contributions.channel"));
        scenarios.addColumn(r -> r.item().costCategory().name()).setHeader(getTranslation("console.contributions.cost"));
        scenarios.addColumn(r -> r.item().defaultMode().name()).setHeader(getTranslation("console.contributions.mode"));
        fields.setId("contributions-fields");
        fields.addColumn(FieldRow::brain).setHeader(getTranslation("console.contributions.brain")).setAutoWidth(true);
        fields.addColumn(FieldRow::entity).setHeader(getTranslation("console.contributions.entity"));
        fields.addColumn(r -> r.field().name()).setHeader(getTranslation("console.contributions.field"));
        fields.addColumn(r -> r.field().type()).setHeader(getTranslation("console.contributions.type"));
        fields.addColumn(r -> text(r.field().label())).setHeader(getTranslation("console.contributions.label"));
        fields.addColumn(r -> String.join(", ", r.field().options())).setHeader(getTranslation("console.contributions.options"));
        fields.addColumn(r -> r.field().gdprPurpose()).setHeader(getTranslation("console.contributions.gdpr"));
        for (Grid<?> grid : List.of(templates, kpis, scenarios, fields)) {
            grid.setAllRowsVisible(true);
        }
        add(new H2(getTranslation("nav.console.contributions")), tenant, summary,
                new H3(getTranslation("console.contributions.templates")), templates,
                new H3(getTranslation("console.contributions.kpis")), kpis,
                new H3(getTranslation("console.contributions.scenarios")), scenarios,
                new H3(getTranslation("console.contributions.fields")), fields);
        show(null);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("tenant").flatMap(slug ->
                tenant.getListDataView().getItems().filter(t -> t.slug().equals(slug)).findFirst())
                .ifPresent(tenant::setValue);
    }

    private void show(Tenant selected) {
        List<LoadedBrain> active = selected == null ? List.of() : activations.activeFor(selected.id());
        summary.setText(selected == null ? getTranslation("console.contributions.pick")
                : active.isEmpty() ? getTranslation("console.contributions.none")
                : getTranslation("console.contributions.active", active.stream()
                .map(b -> text(b.contributions().name()) + " " + b.version()).collect(Collectors.joining(", "))));
        templates.setItems(rows(active, b -> b.contributions().templates()));
        kpis.setItems(rows(active, b -> b.contributions().kpis()));
        scenarios.setItems(rows(active, b -> b.contributions().scenarios()));
        fields.setItems(active.stream().flatMap(b -> b.contributions().fieldPlan().entities().stream()
                .flatMap(e -> e.fields().stream().map(f -> new FieldRow(text(b.contributions().name()), e.entity(), f))))
                .toList());
    }

    private <T> List<Row<T>> rows(List<LoadedBrain> brains, java.util.function.Function<LoadedBrain, List<T>> items) {
        return brains.stream().flatMap(b -> items.apply(b).stream().map(i -> new Row<>(text(b.contributions().name()), i)))
                .toList();
    }

    private String trigger(Scenario s) {
        long hours = Math.abs(s.delay().toHours());
        String sign = s.delay().isNegative() ? "-" : "+";
        String delay = s.delay().isZero() ? "" : " · " + (hours % 24 == 0 ? "J" + sign + hours / 24 : sign + hours + " h");
        String conditions = s.conditions().isEmpty() ? "" : " · " + s.conditions().stream()
                .map(c -> c.field() + " " + c.operator() + (c.value().isEmpty() ? "" : " " + c.value()))
                .collect(Collectors.joining(", "));
        Scenario.Trigger t = s.trigger();
        return t.type() + " " + t.entity() + (t.field().isEmpty() ? "" : "." + t.field())
                + (t.value().isEmpty() ? "" : " = " + t.value()) + delay + conditions;
    }

    private String text(Label label) {
        Locale locale = getLocale();
        return label.in(locale);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.console.contributions") + " — M.A.X.";
    }
}
