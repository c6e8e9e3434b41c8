package fr.macrea.max.http;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;

/**
 * An {@code /api/} response whose errors stay in the API: {@code sendError} (Spring's resolvers, Spring Security's
 * access-denied handler) writes the JSON error body right away instead of the container's error dispatch, which
 * would run the UI's security chain and error page (and could create a session) for an API call.
 */
final class ApiResponse extends HttpServletResponseWrapper {

    private final ApiRequest request;
    private final long limit;

    ApiResponse(HttpServletResponse response, ApiRequest request, long limit) {
        super(response);
        this.request = request;
        this.limit = limit;
    }

    @Override
    public void sendError(int status) throws IOException {
        sendError(status, null);
    }

    @Override
    public void sendError(int status, String ignored) throws IOException {
        if (isCommitted()) {
            throw new IllegalStateException("response already committed");
        }
        HttpServletResponse response = (HttpServletResponse) getResponse();
        if (request.exceeded()) {
            ApiFilter.refuseTooLarge(response, limit);
        } else {
            ApiErrors.write(response, status, ApiErrors.forStatus(status));
        }
    }
}
