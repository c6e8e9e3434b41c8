package fr.macrea.max.ui.fields;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import fr.macrea.max.action.Mode;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.brain.BrainActivationService;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.fields.FieldsRebuildService;
import fr.macrea.max.fields.MigrationStatus;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.AddOn;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.KaribuIT;
import fr.macrea.max.ui.crm.CrmView;
import fr.macrea.max.ui.error.AccessDeniedView;
import fr.macrea.max.wallet.WalletService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Fiche métier" screen as a tenant admin uses it, with the real Logistique brain: the project, the proposal as
 * a draft, the second confirmation naming the number of fields, the application, the CRM tab's new view and filters,
 * the undo from the history; locked for a Standard tenant; closed to tenant users; in English too.
 */
class FieldsRebuildViewKaribuIT extends KaribuIT {

    @DynamicPropertySource
    static void brains(DynamicPropertyRegistry registry) {
        registry.add("max.brains.dir", fr.macrea.max.fields.BuiltBrains.FOLDER::toString);
        registry.add("max.brains.watch", () -> "false");
    }

    @Autowired
    TenantService tenants;
    @Autowired
    BrainActivationService activations;
    @Autowired
    ModeService modes;
    @Autowired
    FieldsRebuildService fields;
    @Autowired
    WalletService wallet;
    @Autowired
    CrmGateway crm;

    private Tenant logistics(Plan plan, AddOn... addOns) {
        Tenant tenant = TestTenants.create(tenants, "Fiche UI " + UUID.randomUUID().toString().substring(0, 5), plan, addOns);
        if (plan != Plan.STANDARD || addOns.length > 0) {
            SystemAuthentication.asPlatform(() -> {
                activations.activate(tenant.id(), "logistique");
                return null;
            });
        }
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        modes.set(Mode.ASSISTE);
        return tenant;
    }

    @SuppressWarnings("unchecked")
    private Grid<Object> grid(String id) {
        return _get(Grid.class, s -> s.withId(id));
    }

    private void awaitApplied(long projectId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        MigrationStatus status;
        while ((status = fields.project(projectId).orElseThrow().status()) == MigrationStatus.APPLYING
                || status == MigrationStatus.DRAFT) {
            assertThat(Instant.now()).isBefore(deadline);
            MockVaadin.clientRoundtrip(false);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        MockVaadin.clientRoundtrip(false);
    }

    @Test
    void anAdminProposesValidatesWithTheFieldCountAppliesAndUndoesTheLogistiqueRecord() {
        logistics(Plan.PRO);
        int before = wallet.balance().total();
        UI.getCurrent().navigate(FieldsRebuildView.class);

        assertThat(_get(Select.class, s -> s.withId("fields-plan")).getValue()).isNotNull();
        assertThat(_size(grid("fields-grid"))).isEqualTo(17);
        assertThat(_get(Paragraph.class, s -> s.withId("fields-summary")).getText())
                .startsWith("17 champ(s) à ajouter, 0 déjà présent(s), 0 en conflit ; 3 vue(s) et 5 étiquette(s).")
                .contains("Coût : 20 jeton(s)");
        assertThat(_get(Span.class, s -> s.withId("action-card-effect")).getText())
                .contains("validée par un administrateur");

        _click(_get(Button.class, s -> s.withId("action-confirm")));
        assertThat(_size(grid("fields-history"))).isEqualTo(1);
        long id = fields.history().getFirst().id();
        assertThat(wallet.balance().total()).as("a draft costs nothing").isEqualTo(before);

        IntegerField count = _get(IntegerField.class, s -> s.withId("fields-confirm-count"));
        count.setValue(16);
        _click(_get(Button.class, s -> s.withId("fields-apply")));
        assertThat(count.isInvalid()).isTrue();
        assertThat(count.getErrorMessage()).isEqualTo("Tapez exactement 17.");
        assertThat(fields.project(id).orElseThrow().status()).isEqualTo(MigrationStatus.DRAFT);

        count.setValue(17);
        _click(_get(Button.class, s -> s.withId("fields-apply")));
        awaitApplied(id);

        assertThat(fields.project(id).orElseThrow().status()).isEqualTo(MigrationStatus.APPLIED);
        assertThat(wallet.balance().total()).isEqualTo(before - 20);
        assertThat(_get(Span.class, s -> s.withId("fields-project-status")).getText()).isEqualTo("Appliquée");

        crm.create("Lead", Map.of("firstName", "Hugo", "lastName", "Colis", "cStatutColis", "en_transit",
                "cNumeroSuivi", "FR-1"), true);
        UI.getCurrent().navigate(CrmView.class);
        Select<?> view = _get(Select.class, s -> s.withId("crm-view"));
        assertThat(view.isVisible()).isTrue();
        assertThat(_find(MultiSelectComboBox.class, s -> s.withId("crm-custom-cStatutColis"))).hasSize(1);
        @SuppressWarnings("unchecked")
        Select<fr.macrea.max.crm.SavedView> views = (Select<fr.macrea.max.crm.SavedView>) view;
        views.setValue(views.getListDataView().getItems().filter(v -> v.id().equals("logistique:colis-en-cours"))
                .findFirst().orElseThrow());
        Grid<Object> crmGrid = grid("crm-grid");
        assertThat(crmGrid.getColumnByKey("custom-cNumeroSuivi")).as("the view's own columns").isNotNull();
        assertThat(_size(crmGrid)).as("the view's filter: parcels in transit").isEqualTo(1);

        UI.getCurrent().navigate(FieldsRebuildView.class);
        HorizontalLayout actions = (HorizontalLayout) _getCellComponent(grid("fields-history"), 0, "actions");
        _click(_get(actions, Button.class, s -> s.withId("fields-undo-" + id)));
        assertThat(_get(Paragraph.class, s -> s.withPredicate(p -> p.getText().startsWith("Attention"))).getText())
                .contains("2 valeur(s)");
        _click(_get(Button.class, s -> s.withId("fields-undo-confirm")));

        assertThat(fields.project(id).orElseThrow().status()).isEqualTo(MigrationStatus.UNDONE);
        assertThat(wallet.balance().total()).as("refunded within 24 h").isEqualTo(before);
        HorizontalLayout undone = (HorizontalLayout) _getCellComponent(grid("fields-history"), 0, "actions");
        assertThat(_get(undone, Anchor.class, s -> s.withId("fields-backup-" + id)).getText()).isEqualTo("Sauvegarde CSV");
    }

    @Test
    void aStandardTenantSeesTheRecordLockedWithWhatUnlocksIt() {
        logistics(Plan.STANDARD);
        UI.getCurrent().navigate(FieldsRebuildView.class);
        @SuppressWarnings("unchecked")
        Select<fr.macrea.max.fields.FieldPlanChoice> plans = _get(Select.class, s -> s.withId("fields-plan"));
        plans.setValue(fields.plans().stream().filter(p -> p.brainId().equals("logistique")).findFirst().orElseThrow());
        assertThat(_get(Paragraph.class, s -> s.withId("fields-locked")).getText())
                .startsWith("Proposition en lecture seule").contains("Fiche métier");
        assertThat(_size(grid("fields-grid"))).isEqualTo(17);
        assertThat(_find(com.vaadin.flow.component.html.Div.class, s -> s.withId("action-card-fields-rebuild")))
                .as("no proposal without the right").isEmpty();
    }

    @Test
    void aTenantUserIsSentToTheAccessDeniedPage() {
        Tenant tenant = logistics(Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        UI.getCurrent().navigate("fiche-metier");
        assertThat(_find(AccessDeniedView.class)).hasSize(1);
    }

    @Test
    void theScreenSpeaksEnglish() {
        logistics(Plan.PRO);
        inEnglish();
        UI.getCurrent().navigate(FieldsRebuildView.class);
        assertThat(_get(Paragraph.class, s -> s.withId("fields-summary")).getText())
                .startsWith("17 field(s) to add, 0 already there, 0 in conflict; 3 view(s) and 5 tag(s).");
        assertThat(_find(IntegerField.class, s -> s.withId("fields-confirm-count"))).as("no draft yet").isEmpty();
    }
}
