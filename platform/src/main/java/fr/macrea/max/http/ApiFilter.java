package fr.macrea.max.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * In front of everything under {@code /api/} (before Spring Security): a body beyond {@code max.http.max-body-size}
 * is refused 413 as soon as an endpoint starts reading it ({@link ApiRequest}; a request refused for another reason,
 * such as a missing authentication, keeps its own status and its body is never read), errors are JSON ({@link ApiResponse}) and never reach the UI's error page, and no HTTP
 * session can be created.
 */
final class ApiFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiFilter.class);

    private final long limit;

    ApiFilter(HttpProperties properties) {
        this.limit = properties.maxBodyBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiRequest apiRequest = new ApiRequest(request, limit);
        try {
            chain.doFilter(apiRequest, new ApiResponse(response, apiRequest, limit));
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            if (apiRequest.exceeded()) {
                refuseTooLarge(response, limit);
                return;
            }
            // answered here rather than by the container's error dispatch, which belongs to the UI
            log.error("API call {} {} failed", request.getMethod(), request.getRequestURI(), e);
            ApiErrors.write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    ApiErrors.forStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR));
            return;
        }
        if (apiRequest.exceeded() && !response.isCommitted()
                && response.getStatus() != HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
            refuseTooLarge(response, limit);
        }
    }

    /**
     * 413, and the connection is closed after it: the rest of the body is not read (the container swallows at most
     * {@code server.tomcat.max-swallow-size} of it before dropping the connection).
     */
    static void refuseTooLarge(HttpServletResponse response, long limit) throws IOException {
        response.setHeader("Connection", "close");
        ApiErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, ApiErrors.tooLarge(limit));
    }
}
