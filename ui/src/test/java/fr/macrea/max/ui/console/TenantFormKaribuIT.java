package fr.macrea.max.ui.console;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.NewTenant;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.ui.KaribuIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The console's "new tenant" form with too-long input: the limit on the field, a clear error, nothing created. */
class TenantFormKaribuIT extends KaribuIT {

    @Autowired
    TenantService tenants;

    private int tenantCount() {
        return SystemAuthentication.asPlatform(() -> tenants.list()).size();
    }

    private TextField field(String id) {
        return _get(TextField.class, s -> s.withId(id));
    }

    @Test
    void aThreeHundredCharacterNameIsRefusedOnTheFieldWithTheLimitAndKeptForCorrection() {
        signInPlatformAdmin();
        UI.getCurrent().navigate("console");
        int before = tenantCount();
        TextField name = field("new-tenant-name");
        assertThat(name.getMaxLength()).isEqualTo(NewTenant.NAME_MAX_LENGTH);
        assertThat(field("new-tenant-slug").getMaxLength()).isEqualTo(NewTenant.SLUG_MAX_LENGTH);

        String typed = "Maison " + "L".repeat(293);
        name.setValue(typed); // maxLength is the browser's guard only: a scripted or pasted value reaches the server
        _click(_get(Button.class, s -> s.withId("create-tenant")));

        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Le nom du tenant ne peut pas dépasser 120 caractères.");
        assertThat(name.getValue()).as("nothing typed is lost").isEqualTo(typed);
        assertThat(tenantCount()).isEqualTo(before);

        // corrected, the same form creates the tenant and the error goes away
        String fixed = "Maison Lumière " + Long.toHexString(System.nanoTime());
        name.setValue(fixed);
        _get(com.vaadin.flow.component.textfield.EmailField.class, s -> s.withId("new-tenant-admin-email"))
                .setValue("admin." + Long.toHexString(System.nanoTime()) + "@lumiere.fr");
        field("new-tenant-admin-name").setValue("Admin Lumière");
        _click(_get(Button.class, s -> s.withId("create-tenant")));
        assertThat(name.isInvalid()).isFalse();
        assertThat(SystemAuthentication.asPlatform(() -> tenants.list())).extracting(Tenant::name).contains(fixed);
    }

    @Test
    void aTooLongIdentifierIsRefusedOnTheIdentifierFieldInEnglishToo() {
        signInPlatformAdmin();
        inEnglish();
        UI.getCurrent().navigate("console");
        int before = tenantCount();
        field("new-tenant-name").setValue("Court");
        field("new-tenant-slug").setValue("s".repeat(3000));
        _click(_get(Button.class, s -> s.withId("create-tenant")));

        TextField slug = field("new-tenant-slug");
        assertThat(slug.isInvalid()).isTrue();
        assertThat(slug.getErrorMessage()).isEqualTo("The tenant identifier cannot be longer than 40 characters.");
        assertThat(field("new-tenant-name").isInvalid()).isFalse();
        assertThat(tenantCount()).isEqualTo(before);
    }
}
