package fr.macrea.max.ui.action;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.KaribuIT;
import fr.macrea.max.wallet.WalletService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Analyse de leads" on the real embedded CRM: the user finds the lead by part of its name through the CRM's lead
 * search, picks it and runs the quoted analysis; the lead card's link (route parameter) still preselects its lead.
 */
class LeadAnalysisPickerKaribuIT extends KaribuIT {

    @Autowired
    TenantService tenants;
    @Autowired
    CrmGateway crm;
    @Autowired
    WalletService wallet;

    String laura;
    String hugo;

    @BeforeEach
    void leads() {
        Tenant tenant = TestTenants.create(tenants, "Analyse picker", Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        laura = lead("Laura", "Michel", "Boutique Lumière", "laura.michel@orange.fr");
        hugo = lead("Hugo", "Chevalier", "Transports Rhône", "hugo@transports-rhone.fr");
        lead("Michel", "Laurent", "Boulangerie Michel", null);
    }

    private String lead(String first, String last, String company, String email) {
        Map<String, Object> a = new HashMap<>();
        a.put("firstName", first);
        a.put("lastName", last);
        a.put("accountName", company);
        a.put("status", "New");
        if (email != null) {
            a.put("emailAddress", email);
        }
        return crm.create("Lead", a, true);
    }

    @SuppressWarnings("unchecked")
    private ComboBox<LeadPicker.Option> picker() {
        return _get(ComboBox.class, s -> s.withId("lead-picker"));
    }

    @Test
    void typingPartOfANameOffersTheMatchingLeadsWithCompanyAndEmailAndThePickIsAnalysed() {
        UI.getCurrent().navigate(LeadAnalysisView.class);
        ComboBox<LeadPicker.Option> picker = picker();

        ComboBoxKt.setUserInput(picker, "laura mi");
        assertThat(ComboBoxKt.getSuggestions(picker))
                .containsExactly("Laura Michel — Boutique Lumière · laura.michel@orange.fr");
        ComboBoxKt.setUserInput(picker, "michel");
        assertThat(ComboBoxKt.getSuggestionItems(picker)).extracting(LeadPicker.Option::name)
                .containsExactlyInAnyOrder("Laura Michel", "Michel Laurent");
        ComboBoxKt.setUserInput(picker, "chev");
        List<LeadPicker.Option> offered = ComboBoxKt.getSuggestionItems(picker);
        assertThat(offered).extracting(LeadPicker.Option::id).containsExactly(hugo);

        int before = wallet.balance().total();
        picker.setValue(offered.getFirst());
        _click(_get(Button.class, s -> s.withId("action-confirm")));

        assertThat(_get(Paragraph.class, s -> s.withId("analysis-summary")).getText()).startsWith("Hugo Chevalier");
        assertThat(wallet.balance().total()).isEqualTo(before - 2);
    }

    @Test
    void theLeadCardsLinkPreselectsItsLeadAndABadIdSaysWhatAnIdIs() {
        UI.getCurrent().navigate(LeadAnalysisView.class, QueryParameters.of("lead", laura));
        assertThat(picker().getValue().id()).isEqualTo(laura);
        assertThat(picker().getValue().name()).isEqualTo("Laura Michel");
        _click(_get(Button.class, s -> s.withId("action-confirm")));
        assertThat(_get(Paragraph.class, s -> s.withId("analysis-summary")).getText()).startsWith("Laura Michel");

        UI.getCurrent().navigate(LeadAnalysisView.class, QueryParameters.of("lead", "a".repeat(3000)));
        assertThat(picker().getValue()).isNull();
        assertThat(picker().isInvalid()).isTrue();
        assertThat(picker().getErrorMessage()).contains("36 caractères au plus");
    }
}
