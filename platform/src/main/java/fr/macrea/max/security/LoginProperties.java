package fr.macrea.max.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Sign-in protection ({@code max.security.login.*}, docs/operations.md).
 *
 * @param addressAttempts failed sign-ins one client address may make, over all accounts, before it must wait; one
 *                        attempt comes back every {@code window / addressAttempts}
 * @param accountAttempts failed sign-ins an account may receive, from all addresses, before it must wait. Larger
 *                        than {@code addressAttempts} on purpose: a single foreign address is stopped before it can
 *                        lock the real user out; only attempts from several addresses lock an account
 * @param window          time in which a full budget of attempts comes back (refilled gradually)
 * @param trackedKeys     accounts and addresses remembered at most (memory stays bounded under a flood of names)
 * @param allowedOrigins  origins, besides the server's own, from which the login form may be posted (a reverse
 *                        proxy's public address when it does not forward the Host header), e.g.
 *                        {@code https://max.example.fr}
 */
@ConfigurationProperties("max.security.login")
public record LoginProperties(@DefaultValue("10") int addressAttempts,
                              @DefaultValue("20") int accountAttempts,
                              @DefaultValue("15m") Duration window,
                              @DefaultValue("100000") int trackedKeys,
                              @DefaultValue({}) List<String> allowedOrigins) {

    public LoginProperties {
        if (addressAttempts < 1 || accountAttempts < 1) {
            throw new IllegalArgumentException("max.security.login.*-attempts must be positive");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("max.security.login.window must be positive");
        }
        if (trackedKeys < 1) {
            throw new IllegalArgumentException("max.security.login.tracked-keys must be positive");
        }
        allowedOrigins = List.copyOf(allowedOrigins);
    }
}
