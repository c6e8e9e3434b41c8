package fr.macrea.max.ui;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Each application context of the UI tests installs Vaadin's security-context strategy as the global one when it
 * starts, and its method security keeps using the instance it was built with. With several cached contexts in one
 * test JVM the global strategy would be the last context's: a test would sign in on one strategy while the services
 * it calls read another. Before each test this puts back the strategy of the test's own context.
 * (Production has a single context.) Registered in {@code META-INF/spring.factories}.
 */
public class SecurityStrategyTestListener implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                .ifUnique(SecurityContextHolder::setContextHolderStrategy);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
