package fr.macrea.max.security;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Locale;

/**
 * Loads a user with their active memberships; the first tenant (by name) is the one they land in. An invited
 * account without a password yet, and a user deactivated in every tenant they belonged to, cannot sign in.
 */
@Service
public class MaxUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    MaxUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public MaxPrincipal loadUserByUsername(String email) {
        var user = users.findByEmail(email.strip().toLowerCase(Locale.ROOT))
                .filter(UserRepository.StoredUser::enabled)
                .filter(u -> !u.pending())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        List<Membership> memberships = users.membershipsOf(user.id());
        if (memberships.isEmpty() && !user.platformAdmin() && users.hasAnyMembership(user.id())) {
            throw new UsernameNotFoundException("deactivated in every tenant");
        }
        return new MaxPrincipal(user.id(), user.email(), user.displayName(), user.passwordHash(), user.platformAdmin(),
                memberships, memberships.isEmpty() ? null : memberships.getFirst().tenantId());
    }
}
