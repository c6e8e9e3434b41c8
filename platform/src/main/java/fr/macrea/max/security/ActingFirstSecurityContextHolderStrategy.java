package fr.macrea.max.security;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.util.Objects;

/**
 * A security-context strategy that answers the principal M.A.X. is acting as ({@link ActingAuthentication}) before
 * asking the application's own strategy (Vaadin's, which reads the HTTP session first). Everything else (set, clear,
 * the contexts outside an acting call) is the delegate's.
 */
public final class ActingFirstSecurityContextHolderStrategy implements SecurityContextHolderStrategy {

    private final SecurityContextHolderStrategy delegate;

    public ActingFirstSecurityContextHolderStrategy(SecurityContextHolderStrategy delegate) {
        this.delegate = Objects.requireNonNull(delegate);
    }

    @Override
    public SecurityContext getContext() {
        return ActingAuthentication.current().orElseGet(delegate::getContext);
    }

    @Override
    public void setContext(SecurityContext context) {
        delegate.setContext(context);
    }

    @Override
    public void clearContext() {
        delegate.clearContext();
    }

    @Override
    public SecurityContext createEmptyContext() {
        return delegate.createEmptyContext();
    }

    @Override
    public java.util.function.Supplier<SecurityContext> getDeferredContext() {
        return this::getContext;
    }

    @Override
    public void setDeferredContext(java.util.function.Supplier<SecurityContext> deferredContext) {
        delegate.setDeferredContext(deferredContext);
    }

    SecurityContextHolderStrategy delegate() {
        return delegate;
    }
}
