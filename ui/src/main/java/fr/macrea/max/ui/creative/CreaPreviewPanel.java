package fr.macrea.max.ui.creative;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import fr.macrea.max.creative.CreaContent;
import fr.macrea.max.creative.CreaPreview;
import fr.macrea.max.creative.CreativeService;
import fr.macrea.max.ranking.LeadSearchService;
import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.ui.action.LeadPicker;
import fr.macrea.max.ui.base.Messages;

import java.util.function.Supplier;

/**
 * The preview as a chosen real lead would receive it (its values in the placeholders), at desktop or mobile width.
 * The HTML shown is the platform's sanitised one: the same policy on display as on save.
 */
class CreaPreviewPanel extends VerticalLayout {

    static final String DESKTOP = "600px";
    static final String MOBILE = "360px";

    private final transient CreativeService creative;
    private final transient Supplier<CreaContent> content;
    private final LeadPicker lead;
    private final RadioButtonGroup<String> width = new RadioButtonGroup<>();
    private final Span subject = new Span();
    private final Div frame = new Div();
    private final Paragraph unresolved = new Paragraph();

    CreaPreviewPanel(CreativeService creative, LeadSearchService search, Supplier<CreaContent> content) {
        this.creative = creative;
        this.content = content;
        setPadding(false);
        lead = new LeadPicker(search);
        lead.setId("crea-preview-lead");
        lead.setLabel(getTranslation("creative.screen.preview.lead"));
        width.setId("crea-preview-width");
        width.setItems(DESKTOP, MOBILE);
        width.setItemLabelGenerator(w -> getTranslation(w.equals(DESKTOP) ? "creative.screen.preview.desktop"
                : "creative.screen.preview.mobile"));
        width.setValue(DESKTOP);
        width.addValueChangeListener(e -> frame.setWidth(e.getValue()));
        Button show = new Button(getTranslation("creative.screen.preview.show"), e -> refresh());
        show.setId("crea-preview-show");
        subject.setId("crea-preview-subject");
        frame.setId("crea-preview-body");
        frame.addClassName("crea-preview-frame");
        frame.setWidth(DESKTOP);
        frame.setMaxWidth("100%"); // the desktop width inside a phone's window: what fits, without a sideways scroll
        frame.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("padding", "var(--lumo-space-m)")
                .set("overflow-wrap", "anywhere").set("white-space", "normal");
        unresolved.setId("crea-preview-unresolved");
        unresolved.setVisible(false);
        HorizontalLayout controls = new HorizontalLayout(lead, width, show);
        controls.setAlignItems(Alignment.BASELINE);
        controls.setWrap(true);
        controls.setWidthFull();
        add(new H4(getTranslation("creative.screen.preview")), controls, subject, frame, unresolved);
    }

    void refresh() {
        LeadPicker.Option picked = lead.getValue();
        if (picked == null) {
            CreaView.error(this, getTranslation("creative.screen.preview.pick-lead"));
            return;
        }
        try {
            CreaPreview p = creative.preview(content.get(), picked.id());
            subject.setText(p.subject());
            subject.setVisible(p.html());
            if (p.html()) {
                frame.getElement().setProperty("innerHTML", p.body()); // sanitised by the platform
                frame.getStyle().remove("white-space");
            } else {
                frame.getElement().removeProperty("innerHTML");
                frame.setText(p.body());
                frame.getStyle().set("white-space", "pre-wrap");
            }
            unresolved.setVisible(!p.unresolved().isEmpty());
            unresolved.setText(getTranslation("creative.screen.preview.unresolved", String.join(", ", p.unresolved())));
        } catch (LocalizedException e) {
            CreaView.error(this, Messages.text(this, e));
        }
    }

    LeadPicker lead() {
        return lead;
    }
}
