package fr.macrea.max.ui.security;

import fr.macrea.max.security.LoginThrottledException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;

/**
 * Where a failed form login lands: the login view with the reason in the query, which {@link LoginView} turns
 * into its message. Wrong credentials: {@code ?error}; throttled: {@code ?locked=<minutes to wait>}; a missing or
 * stale CSRF token (the page was left open past the session): {@code ?expired}.
 */
final class LoginFailureHandler implements AuthenticationFailureHandler, AccessDeniedHandler {

    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String target = exception instanceof LoginThrottledException throttled
                ? "/login?locked=" + throttled.retryAfterMinutes()
                : "/login?error";
        redirects.sendRedirect(request, response, target);
    }

    /** CSRF refusals of {@code POST /login} only (see SecurityConfig). */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        redirects.sendRedirect(request, response, "/login?expired");
    }
}
