package fr.macrea.max.security;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;

/** Reads the "session" context first and ignores what is set on the thread, as Vaadin's strategy does. */
record SessionFirstStrategy(SecurityContext session) implements SecurityContextHolderStrategy {
    @Override
    public void clearContext() {
    }

    @Override
    public SecurityContext getContext() {
        return session;
    }

    @Override
    public void setContext(SecurityContext context) {
    }

    @Override
    public SecurityContext createEmptyContext() {
        return new SecurityContextImpl();
    }
}
