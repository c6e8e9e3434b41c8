package fr.macrea.max.security;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Method security for every service, the standard delegating (bcrypt) password encoder, and the acting principal
 * first in whatever security-context strategy the application declares (Vaadin's in the UI): see
 * {@link ActingAuthentication}.
 */
@Configuration
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityBeans {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Wraps the application's security-context strategy bean, which Vaadin installs as the global one and method
     * security is built with, so both answer {@link ActingAuthentication}'s principal first. Without such a bean
     * (no Vaadin), Spring's thread-local strategy sees the context {@code callAs} sets on the thread.
     */
    @Bean
    static BeanPostProcessor actingFirstSecurityContextStrategy() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof SecurityContextHolderStrategy strategy
                        && !(bean instanceof ActingFirstSecurityContextHolderStrategy)) {
                    return new ActingFirstSecurityContextHolderStrategy(strategy);
                }
                return bean;
            }
        };
    }
}
