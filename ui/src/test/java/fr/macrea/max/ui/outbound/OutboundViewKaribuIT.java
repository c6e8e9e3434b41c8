package fr.macrea.max.ui.outbound;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import fr.macrea.max.action.ActionService;
import fr.macrea.max.action.Mode;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.crm.Campaign;
import fr.macrea.max.crm.CampaignLogEntry;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.EmailTemplate;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.outbound.OutboundService;
import fr.macrea.max.outbound.SendSummary;
import fr.macrea.max.outbound.TargetListRef;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.KaribuIT;
import fr.macrea.max.ui.error.AccessDeniedView;
import fr.macrea.max.wallet.WalletService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Envoi" screen as a tenant admin uses it: the send dialog opened by {@code envoi?template=<id>} (audience, dry
 * run, schedule, the strong confirmation through the action card), the sends with their counts by status and skip
 * reason, the outbox and one message; a draft in Assisté; closed to tenant users.
 */
@TestPropertySource(properties = "db-scheduler.polling-interval=PT1H")
class OutboundViewKaribuIT extends KaribuIT {

    @Autowired
    TenantService tenants;
    @Autowired
    ModeService modes;
    @Autowired
    CrmGateway crm;
    @Autowired
    OutboundService outbound;
    @Autowired
    ActionService actions;
    @Autowired
    WalletService wallet;

    private Tenant tenant;
    private String template;
    private String form;
    private String list;

    @BeforeEach
    void tenantWithAudience() {
        tenant = TestTenants.create(tenants, "Envoi UI " + UUID.randomUUID().toString().substring(0, 5), Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        form = crm.createCampaign(new Campaign(null, "Formulaire", "Active", "Web", null, null, null));
        list = crm.create("TargetList", Map.of("name", "Clientes fidèles"), true);
        String camille = lead("Camille", "camille@zen.fr", form);
        lead("Louis", "louis@zen.fr", form);
        String nina = lead("Nina", "nina@zen.fr", null);
        // members of the list (a link row, not opted out)
        crm.setTargetListOptOut(EntityRef.lead(camille), list, false);
        crm.setTargetListOptOut(EntityRef.lead(nina), list, false);
        template = crm.createEmailTemplate(new EmailTemplate(null, "Routine beauté", "Bonjour {Lead.firstName}",
                "<p>Bonjour {Lead.firstName}</p>", true, null, null));
    }

    private String lead(String name, String email, String optInCampaign) {
        Map<String, Object> attributes = new HashMap<>(Map.of("firstName", name, "lastName", "Martin", "status", "New",
                "emailAddress", email));
        attributes.put("cTags", List.of("vip"));
        String id = crm.create("Lead", attributes, true);
        if (optInCampaign != null) {
            crm.logCampaignEvent(new CampaignLogEntry(null, optInCampaign, "Opted In", EntityRef.lead(id), null, null));
        }
        return id;
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, s -> s.withId(id));
    }

    private void planVip() {
        assertThat(_get(Select.class, s -> s.withId("outbound-template")).getValue())
                .as("the template of the link is selected").isNotNull();
        _get(MultiSelectComboBox.class, s -> s.withId("outbound-tags")).setValue(java.util.Set.of("vip"));
        _click(_get(Button.class, s -> s.withId("outbound-plan")));
        assertThat(_get(Paragraph.class, s -> s.withId("outbound-plan-summary")).getText())
                .isEqualTo("envoyé à 2, 1 exclus (sans consentement 1)");
    }

    @Test
    void anAdminPlansConfirmsTwiceAndFollowsTheSendInTheOutbox() {
        modes.set(Mode.AUTO);
        int before = wallet.balance().total();
        UI.getCurrent().navigate("envoi", QueryParameters.of("template", template));
        // in an hour: no scheduler polling this database (other tests' contexts, one with an in-memory CRM) may take
        // the batch before the test runs it, as the task would
        _get(com.vaadin.flow.component.datetimepicker.DateTimePicker.class, s -> s.withId("outbound-schedule"))
                .setValue(java.time.LocalDateTime.now(fr.macrea.max.ui.base.Dates.ZONE).plusHours(1).withNano(0));
        planVip();
        assertThat(_get(Span.class, s -> s.withId("action-card-cost")).getText()).contains("1 jeton");

        _click(_get(Button.class, s -> s.withId("action-confirm")));
        assertThat(_get(Span.class, s -> s.withId("action-card-effect")).getText()).as("the strong confirmation")
                .isNotBlank();
        assertThat(outbound.sends(10)).as("nothing sent on the first click").isEmpty();
        _click(_get(Button.class, s -> s.withId("action-confirm-again")));

        assertThat(_find(SendDialog.class)).as("the dialog closes").isEmpty();
        assertThat(wallet.balance().total()).isEqualTo(before - 1);
        SendSummary send = outbound.sends(10).getFirst();
        outbound.drain(send.id()); // what the batch task does

        UI.getCurrent().navigate("envoi");
        Grid<SendSummary> sends = grid("outbound-sends");
        assertThat(_size(sends)).isEqualTo(1);
        assertThat(GridKt._getFormatted(sends, 0, "sent")).isEqualTo("2");
        assertThat(GridKt._getFormatted(sends, 0, "pending")).isEqualTo("0");
        assertThat(GridKt._getFormatted(sends, 0, "skipped")).isEqualTo("sans consentement 1");
        assertThat(GridKt._getFormatted(sends, 0, "status")).isEqualTo("Terminé");

        sends.select(GridKt._get(sends, 0));
        Grid<Object> messages = grid("outbound-messages");
        assertThat(_size(messages)).isEqualTo(2);
        GridKt._clickItem(messages, 0);
        assertThat(_get(Paragraph.class, s -> s.withId("outbound-message-to")).getText()).startsWith("À : ");
        assertThat(_get(Pre.class, s -> s.withId("outbound-message-headers")).getText())
                .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSendToATargetListLogsIntoAnExistingCampaign() {
        modes.set(Mode.AUTO);
        UI.getCurrent().navigate("envoi", QueryParameters.of("template", template));
        MultiSelectComboBox<TargetListRef> lists = _get(MultiSelectComboBox.class, s -> s.withId("outbound-lists"));
        lists.setValue(Set.of(lists.getListDataView().getItems().filter(l -> l.id().equals(list)).findFirst().orElseThrow()));
        Select<Campaign> campaigns = _get(Select.class, s -> s.withId("outbound-existing-campaign"));
        campaigns.setValue(campaigns.getListDataView().getItems().filter(c -> c.id().equals(form)).findFirst().orElseThrow());
        _click(_get(Button.class, s -> s.withId("outbound-plan")));
        assertThat(_get(Paragraph.class, s -> s.withId("outbound-plan-summary")).getText())
                .isEqualTo("envoyé à 1, 1 exclus (sans consentement 1)");
        _click(_get(Button.class, s -> s.withId("action-confirm")));
        _click(_get(Button.class, s -> s.withId("action-confirm-again")));
        assertThat(outbound.sends(10)).singleElement().satisfies(send -> assertThat(send.campaignId()).isEqualTo(form));
    }

    @Test
    void inAssisteTheSendBecomesADraftAndNothingLeaves() {
        modes.set(Mode.ASSISTE);
        UI.getCurrent().navigate("envoi", QueryParameters.of("template", template));
        planVip();
        _click(_get(Button.class, s -> s.withId("action-confirm")));
        assertThat(outbound.sends(10)).isEmpty();
        assertThat(actions.drafts()).hasSize(1);
    }

    @Test
    void aTenantUserIsSentToTheAccessDeniedPage() {
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        UI.getCurrent().navigate("envoi");
        assertThat(_find(AccessDeniedView.class)).hasSize(1);
    }
}
