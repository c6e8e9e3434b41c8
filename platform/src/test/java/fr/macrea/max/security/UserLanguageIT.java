package fr.macrea.max.security;

import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The language a user picks is kept on the user, and only on that user. */
class UserLanguageIT extends PlatformIT {

    @Autowired
    UserLanguage languages;
    @Autowired
    UserService users;
    @Autowired
    MaxUserDetailsService details;
    @Autowired
    TenantService tenants;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    private MaxPrincipal newUserOf(Tenant tenant) {
        String email = "langue." + UUID.randomUUID().toString().substring(0, 8) + "@test.fr";
        SystemAuthentication.asPlatform(() -> {
            users.grant(tenant.id(), users.create(new NewUser(email, "Langue", "motdepasse", false)), Role.TENANT_USER);
            return null;
        });
        return details.loadUserByUsername(email);
    }

    @Test
    void a_new_user_speaks_french_and_the_chosen_language_is_found_again_at_the_next_sign_in() {
        Tenant tenant = TestTenants.create(tenants, "Langues", Plan.PRO);
        MaxPrincipal lea = newUserOf(tenant);
        TestTenants.signIn(lea);
        assertThat(languages.current()).contains("fr");

        languages.remember("en");
        TestTenants.signOut();
        assertThat(languages.current()).as("nobody signed in").isEmpty();

        TestTenants.signIn(details.loadUserByUsername(lea.email()));
        assertThat(languages.current()).contains("en");
    }

    @Test
    void one_user_s_choice_is_not_another_s_even_in_another_tenant() {
        MaxPrincipal a = newUserOf(TestTenants.create(tenants, "Tenant A", Plan.PRO));
        MaxPrincipal b = newUserOf(TestTenants.create(tenants, "Tenant B", Plan.PRO));
        TestTenants.signIn(a);
        languages.remember("en");

        TestTenants.signIn(b);
        assertThat(languages.current()).contains("fr");
        languages.remember("fr");

        TestTenants.signIn(a);
        assertThat(languages.current()).contains("en");
    }

    @Test
    void an_unsupported_language_is_not_stored() {
        MaxPrincipal a = newUserOf(TestTenants.create(tenants, "Tenant C", Plan.PRO));
        TestTenants.signIn(a);
        languages.remember("xx-injection'--");
        languages.remember(null);
        assertThat(languages.current()).contains("fr");
    }
}
