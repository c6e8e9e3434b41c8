package fr.macrea.max.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The one password check of M.A.X. (form login and HTTP Basic both come here), wrapped in the brute-force throttle:
 * an attempt is counted before the password is checked, and refused unchecked once the account or the address has
 * spent its budget. The client address is the one the servlet container reports (behind a reverse proxy, enable
 * {@code server.forward-headers-strategy} so that it is the client's, not the proxy's).
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final UserRepository accounts;
    private final Clock clock;

    ThrottledAuthenticationProvider(MaxUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle,
                                    UserRepository accounts, Clock clock) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        LoginKey key = LoginKey.of(authentication.getName(), address);
        throttle.acquire(key);
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        } catch (InternalAuthenticationServiceException e) {
            throttle.abandoned(key); // the user store failed, not the user
            throw e;
        } catch (AuthenticationException e) {
            throttle.failed(key);
            throw e;
        } catch (RuntimeException e) {
            throttle.abandoned(key);
            throw e;
        }
        throttle.succeeded(key);
        if (result.getPrincipal() instanceof MaxPrincipal principal) {
            accounts.recordLogin(principal.userId(), clock.instant()); // "dernière connexion" in the tenant settings
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
