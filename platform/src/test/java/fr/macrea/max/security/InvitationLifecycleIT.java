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
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A tenant's first admin from the console: one-time link, stored hashed, expiring, single use, then sign-in. */
class InvitationLifecycleIT extends PlatformIT {

    private static final String PASSWORD = "Lumière-du-matin-42";

    @Autowired
    InvitationService invitations;
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

    static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@client.fr";
    }

    private Invitation firstAdmin(Tenant tenant, String email) {
        return SystemAuthentication.asPlatform(() -> invitations.inviteFirstAdmin(tenant.id(), new Invitee(email, "Claire Martin")));
    }

    @Test
    void theFirstAdminChoosesAPasswordThroughTheLinkOnceAndThenSignsInToTheirTenant() throws Exception {
        Tenant tenant = TestTenants.create(tenants, "Nouveau client", Plan.PRO);
        String email = unique("claire");
        Invitation invitation = firstAdmin(tenant, email);
        String token = invitation.token().orElseThrow();
        assertThat(token).hasSize(43); // 256 random bits, URL-safe

        // the token is stored hashed, and the account cannot sign in before a password is chosen
        assertThat(storedHashes(invitation.userId())).containsExactly(InvitationTokens.hash(token)).doesNotContain(token);
        assertThatThrownBy(() -> details.loadUserByUsername(email)).isInstanceOf(UsernameNotFoundException.class);

        PendingInvitation pending = invitations.find(token);
        assertThat(pending.email()).isEqualTo(email);
        assertThat(pending.tenantName()).isEqualTo("Nouveau client");

        // a weak password is refused and the link still works
        InvalidUserException weak = catchThrowableOfType(InvalidUserException.class, () -> invitations.accept(token, "court"));
        assertThat(weak).hasMessage("Le mot de passe doit contenir au moins 12 caractères.");
        assertThat(invitations.find(token).email()).isEqualTo(email);

        assertThat(invitations.accept(token, PASSWORD)).isEqualTo(email);

        MaxPrincipal principal = details.loadUserByUsername(email);
        assertThat(passwordEncoder.matches(PASSWORD, principal.getPassword())).isTrue();
        assertThat(principal.currentTenant()).contains(tenant.id());
        assertThat(principal.getAuthorities()).extracting(Object::toString).contains("ROLE_TENANT_ADMIN");

        // single use: the same link cannot set a password again
        InvalidUserException again = catchThrowableOfType(InvalidUserException.class, () -> invitations.accept(token, "Autre-mot-de-passe-99"));
        assertThat(again.message().key()).isEqualTo("security.invitation.used");
        assertThat(passwordEncoder.matches(PASSWORD, details.loadUserByUsername(email).getPassword())).isTrue();
    }

    @Test
    void theSameLinkSentTwiceAtOnceSetsOnePassword() throws Exception {
        Tenant tenant = TestTenants.create(tenants, "Client pressé", Plan.STANDARD);
        String email = unique("double");
        String token = firstAdmin(tenant, email).token().orElseThrow();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            for (String password : new String[]{"Premier-mot-de-passe-1", "Second-mot-de-passe-2"}) {
                results.add(pool.submit(() -> {
                    start.await();
                    return invitations.accept(token, password);
                }));
            }
            start.countDown();
        }
        int succeeded = 0;
        for (var result : results) {
            try {
                result.get();
                succeeded++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(InvalidUserException.class);
            }
        }
        assertThat(succeeded).isEqualTo(1);
    }

    @Test
    void anExpiredLinkAndAWrongTokenAreRefusedWithTheirReason() throws Exception {
        Tenant tenant = TestTenants.create(tenants, "Client expiré", Plan.STANDARD);
        String email = unique("paul");
        Invitation invitation = firstAdmin(tenant, email);
        assertThat(invitation.expiresAt()).isPresent();
        String token = invitation.token().orElseThrow();

        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE user_invitation SET expires_at = DATE_SUB(UTC_TIMESTAMP(3), INTERVAL 1 MINUTE) WHERE user_id = ?")) {
            ps.setLong(1, invitation.userId());
            ps.executeUpdate();
        }
        InvalidUserException expired = catchThrowableOfType(InvalidUserException.class, () -> invitations.accept(token, PASSWORD));
        assertThat(expired).hasMessageContaining("a expiré");
        assertThatThrownBy(() -> details.loadUserByUsername(email)).isInstanceOf(UsernameNotFoundException.class);

        String wrong = token.substring(0, 42) + (token.endsWith("A") ? "B" : "A");
        for (String bad : new String[]{wrong, "", "x".repeat(3000), "../../etc"}) {
            InvalidUserException invalid = catchThrowableOfType(InvalidUserException.class, () -> invitations.find(bad));
            assertThat(invalid.message().key()).isEqualTo("security.invitation.invalid");
        }
    }

    @Test
    void anExistingAccountGetsAMembershipNotASecondAccountAndKeepsItsPassword() {
        Tenant first = TestTenants.create(tenants, "Premier client", Plan.STANDARD);
        Tenant second = TestTenants.create(tenants, "Second client", Plan.STANDARD);
        String email = unique("agence");
        String token = firstAdmin(first, email).token().orElseThrow();
        invitations.accept(token, PASSWORD);

        Invitation added = firstAdmin(second, email.toUpperCase());
        assertThat(added.addedExistingAccount()).isTrue();
        assertThat(added.token()).isEmpty();

        MaxPrincipal principal = details.loadUserByUsername(email);
        assertThat(principal.userId()).isEqualTo(added.userId());
        assertThat(principal.memberships()).extracting(Membership::tenantId).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(passwordEncoder.matches(PASSWORD, principal.getPassword())).isTrue();

        // inviting them twice into the same tenant is refused clearly
        InvalidUserException twice = catchThrowableOfType(InvalidUserException.class, () -> firstAdmin(second, email));
        assertThat(twice.message().key()).isEqualTo("security.member.already");
    }

    @Test
    void aReissuedLinkRevokesThePreviousOneAndAnOldLinkNeverResetsAPassword() {
        Tenant tenant = TestTenants.create(tenants, "Client relancé", Plan.STANDARD);
        String email = unique("relance");
        Invitation first = firstAdmin(tenant, email);
        // a second tenant invites the same pending account: both links are open until one is used
        Tenant other = TestTenants.create(tenants, "Autre client", Plan.STANDARD);
        Invitation fromOther = firstAdmin(other, email);
        assertThat(fromOther.userId()).isEqualTo(first.userId());
        assertThat(fromOther.token()).isPresent();

        invitations.accept(fromOther.token().orElseThrow(), PASSWORD);

        // the first tenant's link was open, but the account has a password now: it cannot replace it
        InvalidUserException old = catchThrowableOfType(InvalidUserException.class,
                () -> invitations.accept(first.token().orElseThrow(), "Un-autre-mot-de-passe-1"));
        assertThat(old.message().key()).isIn("security.invitation.invalid", "security.invitation.account-active");
        assertThat(passwordEncoder.matches(PASSWORD, details.loadUserByUsername(email).getPassword())).isTrue();
    }

    @Test
    void inviteesChooseAPasswordUnderThePolicy() {
        assertThatThrownBy(() -> PasswordPolicy.check("aaaaaaaaaaaaaaaa", "x@y.fr")).hasMessageContaining("trop simple");
        assertThatThrownBy(() -> PasswordPolicy.check("claire.martin-2026!", "claire.martin@client.fr"))
                .hasMessageContaining("adresse e-mail");
        assertThatThrownBy(() -> PasswordPolicy.check("é".repeat(40), "x@y.fr")).hasMessageContaining("72 octets");
        PasswordPolicy.check(PASSWORD, "claire@client.fr");
    }

    private static java.util.List<String> storedHashes(long userId) throws Exception {
        java.util.List<String> hashes = new java.util.ArrayList<>();
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("SELECT token_hash FROM user_invitation WHERE user_id = ?")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hashes.add(rs.getString(1));
                }
            }
        }
        return hashes;
    }
}
