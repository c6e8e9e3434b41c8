package fr.macrea.max.creative;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The one HTML policy of messages (templates on save, previews on display, e-mails on send): formatting, links,
 * tables, images and inline styles that mail clients render, nothing that runs (scripts, event handlers,
 * {@code javascript:} links, CSS expressions, forms, frames). The OWASP sanitizer is a whitelist: what is not
 * listed here is dropped, its text kept.
 */
public final class HtmlSanitizer {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.STYLES)
            .and(new HtmlPolicyBuilder()
                    .allowUrlProtocols("https", "http", "mailto")
                    .allowElements("img")
                    .allowAttributes("src", "alt", "width", "height").onElements("img")
                    .allowElements("hr", "center", "span", "div")
                    .allowAttributes("align", "bgcolor", "width").onElements("table", "td", "th", "tr", "div", "p")
                    .toFactory());

    private HtmlSanitizer() {
    }

    /** {@code html} with everything outside the policy removed; null is the empty string. */
    public static String sanitize(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }
}
