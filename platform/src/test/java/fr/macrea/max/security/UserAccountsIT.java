package fr.macrea.max.security;

import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestDatabase;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserAccountsIT extends PlatformIT {

    @Autowired
    UserService users;
    @Autowired
    MaxUserDetailsService details;
    @Autowired
    TenantService tenants;
    @Autowired
    PasswordEncoder passwordEncoder;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void passwordsAreStoredHashedAndUsersLandInTheirFirstTenant() throws Exception {
        Tenant zen = TestTenants.create(tenants, "Atelier Test", Plan.STANDARD);
        String email = "lea." + UUID.randomUUID().toString().substring(0, 8) + "@atelier.fr";
        SystemAuthentication.asPlatform(() -> {
            users.grant(zen.id(), users.create(new NewUser(email, "Léa", "Respire2026", false)), Role.TENANT_USER);
            return null;
        });

        String stored;
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM app_user WHERE email = ?")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                stored = rs.getString(1);
            }
        }
        assertThat(stored).startsWith("{bcrypt}").doesNotContain("Respire2026");

        MaxPrincipal principal = details.loadUserByUsername(email.toUpperCase());
        assertThat(passwordEncoder.matches("Respire2026", principal.getPassword())).isTrue();
        assertThat(principal.currentTenant()).contains(zen.id());
        assertThat(principal.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_TENANT_USER");
    }

    @Test
    void unknownUsersAndDuplicateAccountsAreRefused() {
        assertThatThrownBy(() -> details.loadUserByUsername("personne@nulle-part.fr"))
                .isInstanceOf(UsernameNotFoundException.class);
        String email = "dup." + UUID.randomUUID().toString().substring(0, 8) + "@test.fr";
        SystemAuthentication.asPlatform(() -> users.create(new NewUser(email, "Premier", "motdepasse", false)));
        assertThatThrownBy(() -> SystemAuthentication.asPlatform(() -> users.create(new NewUser(email, "Second", "motdepasse", false))))
                .isInstanceOf(InvalidUserException.class).hasMessageContaining("existe déjà");
    }

    @Test
    void anEmailOrANameLongerThanItsColumnIsRefusedWithTheLimitAndNothingIsCreated() {
        String local = "long." + UUID.randomUUID().toString().substring(0, 8);
        String longEmail = local + "." + "x".repeat(NewUser.EMAIL_MAX_LENGTH) + "@test.fr";
        InvalidUserException email = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidUserException.class,
                () -> SystemAuthentication.asPlatform(() -> users.create(new NewUser(longEmail, "Marie", "motdepasse", false))));
        assertThat(email.message().key()).isEqualTo("security.user.email.too-long");
        assertThat(email).hasMessageContaining("190 caractères");

        String okEmail = local + "@test.fr";
        InvalidUserException name = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidUserException.class,
                () -> SystemAuthentication.asPlatform(() -> users.create(new NewUser(okEmail, "M".repeat(300), "motdepasse", false))));
        assertThat(name.message().key()).isEqualTo("security.user.name.too-long");
        assertThat(name.message().args()).containsExactly(NewUser.NAME_MAX_LENGTH);
        assertThatThrownBy(() -> details.loadUserByUsername(okEmail)).isInstanceOf(UsernameNotFoundException.class);

        // at the limit, the row fits its columns
        SystemAuthentication.asPlatform(() -> users.create(new NewUser(okEmail, "M".repeat(NewUser.NAME_MAX_LENGTH), "motdepasse", false)));
        assertThat(details.loadUserByUsername(okEmail).getUsername()).isEqualTo(okEmail);
    }

    @Test
    void tenantAdminsCannotCreateAccountsOrGrantThemselvesOtherTenants() {
        Tenant a = TestTenants.create(tenants, "Admin A", Plan.PRO);
        Tenant b = TestTenants.create(tenants, "Admin B", Plan.PRO);
        MaxPrincipal adminOfA = TestTenants.signInAs(a, Role.TENANT_ADMIN);

        assertThatThrownBy(() -> users.create(new NewUser("x@y.fr", "X", "motdepasse", true)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.grant(b.id(), adminOfA.userId(), Role.TENANT_ADMIN))
                .isInstanceOf(AccessDeniedException.class);
    }
}
