package fr.macrea.max.ui.base;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.MaxUserDetailsService;
import fr.macrea.max.security.NewUser;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.security.UserService;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.KaribuIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Locale;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The language picked in the header is the user's: it survives signing out and in again, in a new session. */
class LanguageAcrossSignInsKaribuIT extends KaribuIT {

    @Autowired
    TenantService tenantService;
    @Autowired
    UserService users;
    @Autowired
    MaxUserDetailsService details;

    private String newUser() {
        Tenant tenant = TestTenants.create(tenantService, "Langue " + System.nanoTime(), Plan.PRO);
        String email = "langue." + UUID.randomUUID().toString().substring(0, 8) + "@test.fr";
        SystemAuthentication.asPlatform(() -> {
            users.grant(tenant.id(), users.create(new NewUser(email, "Léa Langue", "motdepasse", false)), Role.TENANT_USER);
            return null;
        });
        return email;
    }

    /** Signs out (the session ends) and signs in again in a new session, as a browser after "Se déconnecter". */
    private void signOutAndInAgain(String email) {
        MockVaadin.tearDown();
        TestTenants.signOut();
        signIn(details.loadUserByUsername(email));
        MockVaadin.setup(UI::new, new MockSpringServlet(new Routes().autoDiscoverViews("fr.macrea.max.ui"), context, UI::new));
        UI.getCurrent().navigate("budget");
    }

    @SuppressWarnings("unchecked")
    private static void pickInTheHeader(Locale language) {
        Select<Locale> select = _get(Select.class, s -> s.withId("language"));
        // as if picked in the browser (Karibu 2.6's _setValue does not match Vaadin 25.2's field API)
        select.setValue(language);
        com.github.mvysny.kaributesting.v10.HasValueUtilsKt._fireValueChange(select, true);
    }

    private static String logoutText() {
        return _get(Button.class, s -> s.withId("logout")).getText();
    }

    @Test
    void english_picked_in_the_header_is_still_english_at_the_next_sign_in() {
        String email = newUser();
        MaxPrincipal lea = signIn(details.loadUserByUsername(email));
        assertThat(lea.userId()).isPositive();
        signOutAndInAgain(email);
        assertThat(logoutText()).as("a new user starts in French").isEqualTo("Se déconnecter");

        pickInTheHeader(Locale.ENGLISH);
        signOutAndInAgain(email);

        assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo("en");
        assertThat(logoutText()).isEqualTo("Sign out");
        assertThat(_get(H2.class).getText()).isEqualTo("AI budget");

        pickInTheHeader(Locale.FRENCH);
        signOutAndInAgain(email);
        assertThat(logoutText()).isEqualTo("Se déconnecter");
    }

    @Test
    void one_user_s_english_does_not_follow_another_user() {
        String english = newUser();
        String french = newUser();
        signOutAndInAgain(english);
        pickInTheHeader(Locale.ENGLISH);

        signOutAndInAgain(french);
        assertThat(logoutText()).isEqualTo("Se déconnecter");
    }
}
