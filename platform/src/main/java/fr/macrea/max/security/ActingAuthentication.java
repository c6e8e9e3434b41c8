package fr.macrea.max.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Work done by M.A.X. under another principal than the signed-in user's for the length of one call: a job or a
 * console action acting inside a tenant ({@link TenantContext#callAs}), platform-level start-up work
 * ({@link SystemAuthentication#asPlatform}).
 * <p>
 * Setting Spring's security context on the thread is not enough: in a Vaadin request, Vaadin's strategy reads the
 * context stored in the HTTP session before the one on the thread, so method security still saw the signed-in user
 * (a tenant admin's {@code asPlatform} was refused). The acting principal is therefore a scoped value, bounded by the
 * call, and {@link ActingFirstSecurityContextHolderStrategy} (installed around whatever strategy the application
 * uses) answers it first. The thread's context is set too, for code running with Spring's plain thread-local strategy.
 */
public final class ActingAuthentication {

    private static final ScopedValue<SecurityContext> ACTING = ScopedValue.newInstance();

    private ActingAuthentication() {
    }

    /** Runs work as {@code authentication}, then puts the caller's context back, even when the work fails. */
    public static <T> T callAs(Authentication authentication, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext acting = new SecurityContextImpl(authentication);
        SecurityContextHolder.setContext(acting);
        try {
            return ScopedValue.where(ACTING, acting).call(work::get);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** The context of the innermost {@link #callAs} running on this thread, if any. */
    static Optional<SecurityContext> current() {
        return ACTING.isBound() ? Optional.of(ACTING.get()) : Optional.empty();
    }
}
