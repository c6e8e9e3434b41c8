package fr.macrea.max.ui.security;

import fr.macrea.max.security.LoginKey;
import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.Message;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses a sign-in posted from another site (login CSRF), before the CSRF token is even looked at: a browser
 * names the page that sent a form in {@code Origin} (or, for older ones, {@code Referer}), and the login form of
 * M.A.X. is always sent from M.A.X. itself. A request with neither header (a script, not a browser) still needs the
 * CSRF token. The server's own origin is the one the request reached (behind a reverse proxy, enable
 * {@code server.forward-headers-strategy}); {@code max.security.login.allowed-origins} adds others.
 */
final class LoginOriginFilter extends OncePerRequestFilter {

    private static final Logger audit = LoggerFactory.getLogger("fr.macrea.max.audit.login");

    private final RequestMatcher loginPost;
    private final Set<String> allowed;

    LoginOriginFilter(RequestMatcher loginPost, List<String> allowedOrigins) {
        this.loginPost = loginPost;
        this.allowed = allowedOrigins.stream().map(LoginOriginFilter::originOf).flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!loginPost.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        String origin = request.getHeader("Origin");
        String sender = origin != null ? origin : request.getHeader("Referer");
        if (sender == null || isOwn(request, sender)) {
            chain.doFilter(request, response);
            return;
        }
        String shown = sender.replaceAll("\\p{Cntrl}", "?");
        audit.warn("login refused: foreign origin={} address={}", shown.substring(0, Math.min(shown.length(), 200)),
                LoginKey.of(null, request.getRemoteAddr()).address());
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(FrenchMessages.render(Message.of("security.login.foreign-origin")));
    }

    private boolean isOwn(HttpServletRequest request, String sender) {
        Optional<String> origin = originOf(sender); // "null" (a sandboxed or privacy-stripped page) is foreign
        String own = origin(request.getScheme(), request.getServerName(), request.getServerPort());
        return origin.isPresent() && (origin.get().equals(own) || allowed.contains(origin.get()));
    }

    /** {@code scheme://host[:port]} of an Origin or a Referer, lower case, without the scheme's default port. */
    static Optional<String> originOf(String value) {
        try {
            URI uri = URI.create(value.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(origin(uri.getScheme(), uri.getHost(), uri.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port < 0 || ("http".equals(s) && port == 80) || ("https".equals(s) && port == 443);
        return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
