package fr.macrea.max.ui.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import fr.macrea.max.security.LoginProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Vaadin's security configurer: form login on the French login view, logout, CSRF and session protection left on,
 * every view closed unless annotated. Any other address only needs a signed-in user (Vaadin's default refuses it
 * outright, which answered the browser's bare 403 page for a mistyped address): Vaadin then shows the product's
 * not-found page ({@code fr.macrea.max.ui.error.NotFoundView}), and an anonymous visitor is sent to the login
 * page. REST endpoints under {@code /api/} have their own chain
 * ({@code fr.macrea.max.security.ApiSecurityConfig}, ordered first).
 * <p>
 * CSRF is configured here rather than by Vaadin: Vaadin's set-up exempts the login view's whole path, so
 * {@code POST /login} signed anyone in from any site (login CSRF). Its other exemption, Vaadin's internal requests
 * (which carry Vaadin's own security key), is kept. The login form sends the token itself (Vaadin puts it in the
 * page's {@code _csrf} meta tags and {@code vaadin-login-form} posts it), and {@link LoginOriginFilter} refuses a
 * sign-in posted from another origin.
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    @Bean
    @Order(2)
    SecurityFilterChain vaadinFilterChain(HttpSecurity http, RequestUtil vaadinRequests, LoginProperties login)
            throws Exception {
        RequestMatcher loginPost = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");
        LoginFailureHandler failures = new LoginFailureHandler();
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                        .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated)
                        .enableCsrfConfiguration(false))
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        request -> !loginPost.matches(request) && vaadinRequests.isFrameworkInternalRequest(request)))
                .addFilterBefore(new LoginOriginFilter(loginPost, login.allowedOrigins()), CsrfFilter.class)
                .formLogin(form -> form.failureHandler(failures))
                .exceptionHandling(errors -> errors.defaultAccessDeniedHandlerFor(failures, loginPost))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .build();
    }
}
