package fr.macrea.max.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * REST endpoints under {@code /api/}: every request authenticated (HTTP Basic as a tenant user, stateless, so no
 * CSRF token is involved), except {@code /api/hooks/**}, whose controllers authenticate each call by its signature
 * (EspoCRM webhooks, n8n callbacks) and refuse anything unsigned. The Vaadin UI has its own chain in the ui module.
 */
@Configuration
@EnableWebSecurity
class ApiSecurityConfig {

    public static final String SIGNED_HOOKS = "/api/hooks/**";

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(SIGNED_HOOKS).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
