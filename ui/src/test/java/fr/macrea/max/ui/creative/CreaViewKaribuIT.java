package fr.macrea.max.ui.creative;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import fr.macrea.max.action.Mode;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.action.ActionService;
import fr.macrea.max.creative.CreaModel;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.EmailTemplate;
import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.KaribuIT;
import fr.macrea.max.ui.action.LeadPicker;
import fr.macrea.max.wallet.WalletService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Espace Créa as a user goes through it, on MariaDB and the embedded CRM: the channel filter and the model pick,
 * M.A.X.'s first version, the live checks (unknown placeholder named), the image slot filled by an upload (and a
 * refused one), the preview as a real lead at both widths, the action card making a draft in Assisté, and in Auto
 * the saved template with "Planifier l'envoi".
 */
class CreaViewKaribuIT extends KaribuIT {

    @Autowired
    TenantService tenants;
    @Autowired
    ModeService modes;
    @Autowired
    ActionService actions;
    @Autowired
    CrmGateway crm;
    @Autowired
    WalletService wallet;

    String lead;

    @BeforeEach
    void tenant() {
        Tenant tenant = TestTenants.create(tenants, "Crea UI", Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        lead = crm.create("Lead", Map.of("firstName", "Inès", "lastName", "Durand", "accountName", "Institut Lumière",
                "status", "New"), true);
    }

    @SuppressWarnings("unchecked")
    private static <T> Select<T> select(String id) {
        return _get(Select.class, s -> s.withId(id));
    }

    private static TextArea body() {
        return _get(TextArea.class, s -> s.withId("crea-body"));
    }

    private static List<String> problems() {
        return _find(_get(Div.class, s -> s.withId("crea-problems")), Paragraph.class).stream().map(Paragraph::getText).toList();
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private void writeAnnonce() {
        UI.getCurrent().navigate("crea");
        Select<CreaModel> model = select("crea-model");
        model.setValue(model.getListDataView().getItems().filter(m -> m.key().equals("max:annonce-produit")).findFirst().orElseThrow());
        _get(TextField.class, s -> s.withId("crea-topic")).setValue("Sérum éclat");
        _click(_get(Button.class, s -> s.withId("crea-write")));
        assertThat(_get(Paragraph.class, s -> s.withId("crea-tone")).getText())
                .as("the model's brand tone shown to the editor").endsWith("Enthousiaste et clair, sans superlatifs creux.");
    }

    @Test
    void theChannelFilterNarrowsTheModels() {
        UI.getCurrent().navigate("crea");
        Select<CreaModel> model = select("crea-model");
        assertThat(model.getListDataView().getItems().map(CreaModel::key).toList())
                .contains("max:annonce-produit", "max:routine-beaute", "max:remerciement", "max:relance-devis-j3", "max:confirmation-rdv");
        Select<Channel> channel = select("crea-channel");
        channel.setValue(Channel.WHATSAPP);
        assertThat(model.getListDataView().getItems().map(CreaModel::key).toList()).containsExactly("max:remerciement");
        assertThat(model.getValue().key()).isEqualTo("max:remerciement");
        channel.setValue(Channel.SMS);
        assertThat(model.getListDataView().getItems().map(CreaModel::channel).toList()).containsOnly(Channel.SMS);
    }

    @Test
    void writingEditingUploadingAndPreviewingBeforeTheCardMakesADraft() throws IOException {
        modes.set(Mode.ASSISTE);
        writeAnnonce();
        assertThat(_get(TextField.class, s -> s.withId("crea-subject")).getValue()).isEqualTo("Nouveau chez Crea UI : Sérum éclat");
        assertThat(body().getValue()).contains("Bonjour {Lead.firstName}", "[Votre image ici]");
        assertThat(_get(Paragraph.class, s -> s.withId("crea-fields")).getText()).contains("{Lead.firstName}", "{Lead.accountName}")
                .as("ids and audit fields are not offered to a writer").doesNotContain("{Lead.id}", "{Lead.modifiedById}");
        assertThat(problems()).singleElement().satisfies(p -> assertThat(p).contains("emplacement(s) d'image"));
        assertThat(_find(Button.class, s -> s.withId("action-confirm"))).as("no card while something blocks the save").isEmpty();

        body().setValue(body().getValue() + "<p>{Lead.prenom}</p>");
        assertThat(problems()).anySatisfy(p -> assertThat(p).contains("Champs inconnus", "{Lead.prenom}"));
        body().setValue(body().getValue().replace("<p>{Lead.prenom}</p>", "<p>{Lead.accountName}</p>"));

        Upload slot = _get(Upload.class, s -> s.withId("crea-upload-0"));
        UploadKt._upload(slot, "virus.png", "image/png", "MZ\u0090 not an image".getBytes(StandardCharsets.ISO_8859_1));
        MockVaadin.clientRoundtrip(false);
        assertThat(NotificationsKt.getNotifications()).extracting(com.github.mvysny.kaributools.NotificationsKt::getText)
                .anySatisfy(t -> assertThat(t).contains("n'est pas une image PNG, JPEG, WebP ou GIF"));
        assertThat(body().getValue()).contains("[Votre image ici]");
        NotificationsKt.clearNotifications();
        UploadKt._upload(_get(Upload.class, s -> s.withId("crea-upload-0")), "big.png", "image/png", new byte[6 * 1024 * 1024]);
        MockVaadin.clientRoundtrip(false);
        assertThat(NotificationsKt.getNotifications()).extracting(com.github.mvysny.kaributools.NotificationsKt::getText)
                .anySatisfy(t -> assertThat(t).contains("dépasse 5 Mo"));
        UploadKt._upload(_get(Upload.class, s -> s.withId("crea-upload-0")), "photo.png", "image/png", png());
        MockVaadin.clientRoundtrip(false);
        assertThat(body().getValue()).doesNotContain("[Votre image ici]").contains("<img src=\"http://localhost:8080/api/public/images/");
        assertThat(problems()).isEmpty();
        assertThat(_find(Upload.class)).isEmpty();

        LeadPicker picker = _get(LeadPicker.class, s -> s.withId("crea-preview-lead"));
        picker.setValue(new LeadPicker.Option(lead, "Inès Durand", "Institut Lumière", null));
        _click(_get(Button.class, s -> s.withId("crea-preview-show")));
        assertThat(_get(Span.class, s -> s.withId("crea-preview-subject")).getText()).isEqualTo("Nouveau chez Crea UI : Sérum éclat");
        Div frame = _get(Div.class, s -> s.withId("crea-preview-body"));
        assertThat(frame.getElement().getProperty("innerHTML")).contains("Bonjour Inès", "Institut Lumière").doesNotContain("{Lead.");
        assertThat(frame.getWidth()).isEqualTo("600px");
        RadioButtonGroup<String> width = _get(RadioButtonGroup.class, s -> s.withId("crea-preview-width"));
        width.setValue(CreaPreviewPanel.MOBILE);
        assertThat(frame.getWidth()).isEqualTo("360px");

        int before = wallet.balance().total();
        _click(_get(Button.class, s -> s.withId("action-confirm")));
        assertThat(actions.drafts()).hasSize(1);
        assertThat(crm.emailTemplates()).isEmpty();
        assertThat(wallet.balance().total()).isEqualTo(before);
        assertThat(_get(Paragraph.class, s -> s.withId("crea-saved")).getText()).contains("Brouillon créé");
        assertThat(_find(Button.class, s -> s.withId("crea-schedule"))).as("nothing to send before validation").isEmpty();
    }

    @Test
    void inAutoTheTemplateIsSavedAndAnEmailTemplateIsScheduledFromTheList() throws IOException {
        modes.set(Mode.AUTO);
        UI.getCurrent().navigate("crea");
        select("crea-channel").setValue(Channel.SMS);
        _get(TextField.class, s -> s.withId("crea-topic")).setValue("du 12 mars");
        _click(_get(Button.class, s -> s.withId("crea-write")));
        assertThat(_find(TextField.class, s -> s.withId("crea-subject"))).as("an SMS has no subject").isEmpty();
        assertThat(_get(Span.class, s -> s.withId("crea-counter")).getText()).contains("1 SMS (GSM-7, 160 par SMS)");
        body().setValue("Bonjour <b>{Lead.firstName}</b>");
        assertThat(problems()).singleElement().satisfies(p -> assertThat(p).contains("texte seul"));
        body().setValue("Bonjour {Lead.firstName}, à demain 10h ✅");
        assertThat(_get(Span.class, s -> s.withId("crea-counter")).getText()).contains("UCS-2");

        int before = wallet.balance().total();
        _click(_get(Button.class, s -> s.withId("action-confirm")));
        _click(_get(Button.class, s -> s.withId("action-confirm-again")));
        List<EmailTemplate> saved = crm.emailTemplates();
        assertThat(saved).singleElement().satisfies(t -> {
            assertThat(t.body()).isEqualTo("Bonjour {Lead.firstName}, à demain 10h ✅");
            assertThat(t.isHtml()).isFalse();
        });
        assertThat(wallet.balance().total()).isEqualTo(before - 5);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<EmailTemplate> creations = _get(com.vaadin.flow.component.grid.Grid.class,
                s -> s.withId("crea-creations"));
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(creations)).isEqualTo(1);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(creations, 0))
                .contains("Espace Créa – SMS", "Texte");
        // an SMS is not an e-mail: it leaves through n8n (Automatisation), the e-mail send is not offered
        assertThat(_find(Button.class, s -> s.withId("crea-schedule"))).isEmpty();
        assertThat(_get(Paragraph.class, s -> s.withId("crea-saved")).getText()).contains("n8n");

        // an e-mail template of the tenant's CRM is scheduled from the list: the Envoi screen opens its send dialog
        String newsletter = crm.createEmailTemplate(new EmailTemplate(null, "Soldes", "Soldes d'hiver",
                "<p>Bonjour {Lead.firstName}</p>", true, null, null));
        UI.getCurrent().navigate("crea");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<EmailTemplate> list = _get(com.vaadin.flow.component.grid.Grid.class,
                s -> s.withId("crea-creations"));
        List<EmailTemplate> rows = list.getListDataView().getItems().toList();
        int row = rows.indexOf(rows.stream().filter(t -> t.id().equals(newsletter)).findFirst().orElseThrow());
        int sms = rows.indexOf(rows.stream().filter(t -> !t.isHtml()).findFirst().orElseThrow());
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(list, sms, "schedule"))
                .as("no e-mail send for an SMS template").isNotInstanceOf(Button.class);
        _click((Button) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(list, row, "schedule"));
        assertThat(_get(com.vaadin.flow.component.dialog.Dialog.class, s -> s.withId("outbound-dialog")).isOpened()).isTrue();
        @SuppressWarnings("unchecked")
        Select<EmailTemplate> template = _get(Select.class, s -> s.withId("outbound-template"));
        assertThat(template.getValue().id()).isEqualTo(newsletter);
    }

    @Test
    void theScreenSpeaksEnglish() {
        inEnglish();
        UI.getCurrent().navigate("crea");
        assertThat(_get(Button.class, s -> s.withId("crea-write")).getText()).isEqualTo("Write with M.A.X.");
        Select<Channel> channel = select("crea-channel");
        assertThat(channel.getItemLabelGenerator().apply(Channel.CALL_SCRIPT)).isEqualTo("Call script");
    }
}
