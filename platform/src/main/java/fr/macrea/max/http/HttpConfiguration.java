package fr.macrea.max.http;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code /api/} boundary: body limit, JSON errors, no session ({@link ApiFilter}). */
@Configuration
class HttpConfiguration {

    @Bean
    FilterRegistrationBean<ApiFilter> apiFilter(HttpProperties properties) {
        FilterRegistrationBean<ApiFilter> registration = new FilterRegistrationBean<>(new ApiFilter(properties));
        registration.addUrlPatterns("/api/*");
        // before Spring Security: an oversized body is refused before anyone looks at it, and the security chain's
        // errors already go through the JSON response
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
