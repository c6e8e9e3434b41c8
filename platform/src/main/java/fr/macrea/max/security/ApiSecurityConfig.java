package fr.macrea.max.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
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

    /**
     * Links that leave the server inside messages (images, tracking pixel, click redirect, unsubscribe): opened by
     * recipients, who have no account. Each carries an unguessable or signed per-recipient token and answers nothing
     * else (docs/crea.md).
     */
    public static final String PUBLIC_LINKS = "/api/public/**";

    /**
     * A plain 401 with the Basic challenge. Spring's default entry point uses {@code sendError}, whose error
     * dispatch would reach the UI chain and come back as a redirect to the login page.
     */
    private static final AuthenticationEntryPoint UNAUTHORIZED = (request, response, exception) -> {
        if (exception instanceof LoginThrottledException throttled) { // brute-force throttle (LoginThrottle)
            ThrottledResponse.write(response, throttled);
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"M.A.X.\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    };

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(SIGNED_HOOKS, PUBLIC_LINKS).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(UNAUTHORIZED))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(UNAUTHORIZED))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
