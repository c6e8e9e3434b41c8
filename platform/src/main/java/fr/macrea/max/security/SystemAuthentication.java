package fr.macrea.max.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;
import java.util.function.Supplier;

/**
 * Platform-level work done by M.A.X. itself (first start, demo data, finding the tenant of a webhook): runs with the
 * platform admin role, also inside a Vaadin request ({@link ActingAuthentication}).
 */
public final class SystemAuthentication {

    private SystemAuthentication() {
    }

    public static <T> T asPlatform(Supplier<T> work) {
        return ActingAuthentication.callAs(UsernamePasswordAuthenticationToken.authenticated("system", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Role.PLATFORM_ADMIN))), work);
    }
}
