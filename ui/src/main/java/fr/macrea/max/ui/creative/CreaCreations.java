package fr.macrea.max.ui.creative;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.QueryParameters;
import fr.macrea.max.creative.CreativeService;
import fr.macrea.max.crm.EmailTemplate;

import java.util.Map;

/**
 * The tenant's e-mail templates in the CRM (what Créa saved, a draft validated later from the inbox, or one made in
 * EspoCRM), each with "Planifier l'envoi": the way back to the send side for a template saved earlier.
 */
class CreaCreations extends VerticalLayout {

    private final transient CreativeService creative;
    private final Grid<EmailTemplate> grid = new Grid<>();

    private final boolean admin;

    CreaCreations(CreativeService creative, boolean admin) {
        this.creative = creative;
        this.admin = admin;
        setPadding(false);
        grid.setId("crea-creations");
        grid.addColumn(EmailTemplate::name).setHeader(getTranslation("creative.screen.creations.name")).setFlexGrow(3);
        grid.addColumn(t -> t.categoryName() == null ? "" : t.categoryName())
                .setHeader(getTranslation("creative.screen.creations.category")).setFlexGrow(2);
        grid.addColumn(t -> getTranslation(t.isHtml() ? "creative.screen.creations.html" : "creative.screen.creations.text"))
                .setHeader(getTranslation("creative.screen.creations.kind"));
        if (admin) {
            grid.addComponentColumn(this::scheduleButton).setKey("schedule");
        }
        grid.setAllRowsVisible(true);
        add(new H3(getTranslation("creative.screen.creations")), grid);
        refresh();
    }

    void refresh() {
        grid.setItems(creative.creations());
    }

    /** E-mail templates only: a text template (WhatsApp, SMS) is not sent as an e-mail. */
    private com.vaadin.flow.component.Component scheduleButton(EmailTemplate template) {
        if (!template.isHtml()) {
            return new com.vaadin.flow.component.html.Span();
        }
        Button b = new Button(getTranslation("creative.screen.schedule"), e -> getUI().ifPresent(ui ->
                ui.navigate(CreaView.SEND_ROUTE, QueryParameters.simple(Map.of("template", template.id())))));
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        b.setId("crea-schedule-" + template.id());
        return b;
    }
}
