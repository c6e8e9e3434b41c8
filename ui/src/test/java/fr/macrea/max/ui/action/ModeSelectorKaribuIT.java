package fr.macrea.max.ui.action;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import fr.macrea.max.action.Mode;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.wallet.BudgetView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class ModeSelectorKaribuIT extends KaribuSpringIT {

    @Autowired
    TenantService tenants;
    @Autowired
    ModeService modes;

    @Test
    void theHeaderSelectorShowsTheThreeModesAndRemembersTheChoice() {
        Tenant tenant = TestTenants.create(tenants, "Modes UI", Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        UI.getCurrent().navigate(BudgetView.class);

        ModeSelector selector = _get(ModeSelector.class);
        assertThat(selector.getValue()).isEqualTo(Mode.CONSEIL);
        // words, no emoji (empty boxes without an emoji font): the colour is a Vaadin icon next to the word
        assertThat(selector.getItemLabelGenerator().apply(Mode.CONSEIL)).isEqualTo("Conseil");
        assertThat(selector.getItemLabelGenerator().apply(Mode.ASSISTE)).isEqualTo("Assisté");
        assertThat(selector.getItemLabelGenerator().apply(Mode.AUTO)).isEqualTo("Auto");
        assertThat(selector.getItemEnabledProvider().test(Mode.AUTO)).isTrue();
        for (Mode mode : Mode.values()) {
            Component item = rendered(selector, mode);
            Icon icon = _get(item, Icon.class);
            assertThat(icon.getElement().getAttribute("icon")).isEqualTo("vaadin:circle");
            assertThat(icon.getColor()).isNotBlank();
            assertThat(_get(item, Span.class, s -> s.withClasses("mode-badge")).getText())
                    .isEqualTo(selector.getItemLabelGenerator().apply(mode));
            _assertNone(item, Span.class, s -> s.withClasses("mode-refusal"));
        }
        assertThat(_get(selector.getPrefixComponent(), Icon.class).getColor()).contains("success");

        KaribuSpringIT.chooseFromClient(selector, Mode.AUTO);
        assertThat(modes.current()).isEqualTo(Mode.AUTO);

        // a new page (new UI) shows the remembered mode
        UI.getCurrent().navigate(DraftsView.class);
        UI.getCurrent().getPage().reload();
        assertThat(_get(ModeSelector.class).getValue()).isEqualTo(Mode.AUTO);
    }

    @Test
    void autoIsDisabledOnStandardAndForNonAdmins() {
        Tenant standard = TestTenants.create(tenants, "Modes Standard", Plan.STANDARD);
        TestTenants.signInAs(standard, Role.TENANT_ADMIN);
        UI.getCurrent().navigate(BudgetView.class);
        ModeSelector selector = _get(ModeSelector.class);
        assertThat(selector.getItemEnabledProvider().test(Mode.AUTO)).isFalse();
        assertThat(selector.getItemEnabledProvider().test(Mode.ASSISTE)).isTrue();
        // the disabled item says why (the plan) and what unlocks it, instead of a bare greyed-out line
        assertThat(_get(rendered(selector, Mode.AUTO), Span.class, s -> s.withClasses("mode-refusal")).getText())
                .contains("plans Pro et Studio");
        _assertNone(rendered(selector, Mode.ASSISTE), Span.class, s -> s.withClasses("mode-refusal"));

        // even if a client forces the value, the server refuses and the selector goes back
        KaribuSpringIT.chooseFromClient(selector, Mode.AUTO);
        assertThat(modes.current()).isEqualTo(Mode.CONSEIL);
        assertThat(selector.getValue()).isEqualTo(Mode.CONSEIL);

        Tenant pro = TestTenants.create(tenants, "Modes Pro user", Plan.PRO);
        TestTenants.signInAs(pro, Role.TENANT_USER);
        UI.getCurrent().navigate(DraftsView.class);
        ModeSelector user = _get(ModeSelector.class);
        assertThat(user.getItemEnabledProvider().test(Mode.AUTO)).isFalse();
        assertThat(_get(rendered(user, Mode.AUTO), Span.class, s -> s.withClasses("mode-refusal")).getText())
                .contains("administrateur");
    }

    @Test
    void theRefusalReadsInEnglishToo() {
        Tenant standard = TestTenants.create(tenants, "Modes English", Plan.STANDARD);
        TestTenants.signInAs(standard, Role.TENANT_ADMIN);
        inEnglish();
        UI.getCurrent().navigate(BudgetView.class);
        ModeSelector selector = _get(ModeSelector.class);
        assertThat(selector.getItemLabelGenerator().apply(Mode.CONSEIL)).isEqualTo("Advice");
        assertThat(_get(rendered(selector, Mode.AUTO), Span.class, s -> s.withClasses("mode-refusal")).getText())
                .contains("Pro and Studio");
    }

    /** The line the selector's renderer draws for the mode in its list. */
    private static Component rendered(ModeSelector selector, Mode mode) {
        return selector.item(mode);
    }
}
