package fr.macrea.max.ui.creative;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.creative.CreaContent;
import fr.macrea.max.creative.CreaModel;
import fr.macrea.max.creative.CreaSaved;
import fr.macrea.max.creative.CreativeChannels;
import fr.macrea.max.creative.CreativeService;
import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.ranking.LeadSearchService;
import fr.macrea.max.security.Role;
import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.ui.action.ActionCard;
import fr.macrea.max.ui.action.ActionCards;
import fr.macrea.max.ui.base.Messages;
import fr.macrea.max.ui.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;

import java.util.Map;

/**
 * Espace Créa (SPEC §6.5): pick a model (M.A.X.'s five and the active brains'), filtered by channel; M.A.X. writes
 * a first version for a topic; edit it (placeholders checked, image slots filled by upload), preview it as a real
 * lead; save it as an EspoCRM e-mail template through the action card (the one action path: Assisté makes a draft).
 * Once saved, "Planifier l'envoi" opens the send side ({@code envoi?template=<id>}).
 */
@Route("crea")
@Menu(order = 30, title = "nav.crea")
@RolesAllowed(Role.USER)
public class CreaView extends VerticalLayout implements HasDynamicTitle {

    static final String SEND_ROUTE = "envoi";

    private final transient CreativeService creative;
    private final transient ActionCards cards;
    private final Select<Channel> channel = new Select<>();
    private final Select<CreaModel> model = new Select<>();
    private final TextField topic = new TextField();
    private final CreaEditor editor;
    private final CreaPreviewPanel preview;
    private final CreaCreations creations;
    private final Div cardBox = new Div();
    private final Paragraph saved = new Paragraph();
    private final Paragraph tone = new Paragraph();
    private final Button schedule = new Button();
    private ActionCard<CreaContent> card;
    private String cardAction;
    private String templateId;

    private final boolean admin;

    public CreaView(CreativeService creative, ActionCards cards, LeadSearchService search, CurrentUser currentUser) {
        this.creative = creative;
        this.cards = cards;
        // sends are a tenant admin's (the Envoi screen): others save templates, an admin schedules them
        this.admin = currentUser.isTenantAdmin();
        addClassName("crea-view");
        this.editor = new CreaEditor(creative, this::contentChanged);
        this.preview = new CreaPreviewPanel(creative, search, editor::content);
        this.creations = new CreaCreations(creative, admin);
        channel.setId("crea-channel");
        channel.setLabel(getTranslation("creative.screen.channel"));
        channel.setEmptySelectionAllowed(true);
        channel.setEmptySelectionCaption(getTranslation("creative.screen.channel.all"));
        channel.setItems(CreativeChannels.ALL);
        channel.setItemLabelGenerator(c -> c == null ? getTranslation("creative.screen.channel.all")
                : getTranslation(CreativeChannels.labelKey(c)));
        channel.addValueChangeListener(e -> listModels());
        model.setId("crea-model");
        model.setLabel(getTranslation("creative.screen.model"));
        model.setWidth("28em");
        model.setMaxWidth("100%"); // a phone is narrower than the model names
        model.setItemLabelGenerator(this::modelLabel);
        topic.setId("crea-topic");
        topic.setLabel(getTranslation("creative.screen.topic"));
        topic.setWidth("24em");
        topic.setMaxWidth("100%");
        topic.setMaxLength(200);
        Button write = new Button(getTranslation("creative.screen.write"), e -> write());
        write.setId("crea-write");
        write.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout pick = new HorizontalLayout(channel, model, topic, write);
        pick.setAlignItems(Alignment.BASELINE);
        pick.setWrap(true);
        pick.setWidthFull(); // the row, not its content, sets the width its fields may take
        saved.setId("crea-saved");
        saved.setVisible(false);
        schedule.setId("crea-schedule");
        schedule.setText(getTranslation("creative.screen.schedule"));
        schedule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        schedule.setVisible(false);
        schedule.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(SEND_ROUTE,
                QueryParameters.simple(Map.of("template", templateId)))));
        tone.setId("crea-tone");
        tone.setVisible(false);
        editor.setVisible(false);
        preview.setVisible(false);
        cardBox.setId("crea-card");
        add(new H2(getTranslation("nav.crea")), new Paragraph(getTranslation("creative.screen.help")), pick, tone, editor,
                preview, cardBox, saved, schedule, creations);
        listModels();
    }

    private String modelLabel(CreaModel m) {
        String label = getTranslation(CreativeChannels.labelKey(m.channel())) + " · " + Messages.text(this, m.name());
        return m.fromBrain() ? getTranslation("creative.screen.model.brain", label, m.brainName()) : label;
    }

    private void listModels() {
        var models = creative.models(channel.getValue());
        model.setItems(models);
        if (!models.isEmpty()) {
            model.setValue(models.getFirst());
        }
    }

    private void write() {
        CreaModel picked = model.getValue();
        if (picked == null) {
            error(this, getTranslation("creative.screen.pick-model"));
            return;
        }
        try {
            CreaContent content = creative.write(picked.key(), topic.getValue());
            saved.setVisible(false);
            schedule.setVisible(false);
            editor.setVisible(true);
            preview.setVisible(true);
            editor.show(content);
            // the brand's tone, for the person who edits (without an AI model, nobody rewrites the words for it)
            tone.setText(picked.tone().isBlank() ? "" : getTranslation("creative.screen.tone", picked.tone()));
            tone.setVisible(!picked.tone().isBlank());
        } catch (LocalizedException e) {
            error(this, Messages.text(this, e));
        }
    }

    /** The card follows the content: its action is the channel's, shown only once nothing blocks the save. */
    private void contentChanged() {
        CreaContent content = editor.content();
        String actionId = CreativeService.actionId(content.channel());
        if (card == null || !actionId.equals(cardAction)) {
            card = cards.create(actionId, editor::content, this::saved);
            cardAction = actionId;
            cardBox.removeAll();
            cardBox.add(card);
        }
        card.setVisible(editor.saveable());
    }

    private void saved(ActionOutcome<?> outcome) {
        if (outcome.result() instanceof CreaSaved result) {
            templateId = result.templateId();
            boolean email = CreativeChannels.html(result.channel());
            // WhatsApp and SMS leave through the tenant's n8n workflows (the Automatisation tab), not the e-mail send
            saved.setText(getTranslation(email ? "creative.screen.saved" : "creative.screen.saved.text", result.name()));
            saved.setVisible(true);
            schedule.setVisible(admin && email);
            creations.refresh();
        } else if (outcome.draftId() != null) {
            saved.setText(getTranslation("creative.screen.drafted"));
            saved.setVisible(true);
            schedule.setVisible(false);
        }
    }

    static void error(Component on, String text) {
        Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.crea") + " — M.A.X.";
    }
}
