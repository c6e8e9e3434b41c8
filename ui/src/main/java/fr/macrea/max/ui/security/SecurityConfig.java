package fr.macrea.max.ui.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Vaadin's security configurer: form login on the French login view, logout, CSRF and session protection left on,
 * every view closed unless annotated. REST endpoints under {@code /api/} have their own chain
 * ({@code fr.macrea.max.security.ApiSecurityConfig}, ordered first).
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    @Bean
    @Order(2)
    SecurityFilterChain vaadinFilterChain(HttpSecurity http) throws Exception {
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .build();
    }
}
