package fr.macrea.max.outbound;

import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.Message;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.util.Base64;

/**
 * The public links a message carries ({@code /api/public/**}, no sign-in): the open pixel, the click redirect and
 * the unsubscribe page with its RFC 8058 one-click POST. Pages are in French, the recipients' language.
 */
@RestController
class TrackingController {

    private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final OutboundTracking tracking;

    TrackingController(OutboundTracking tracking) {
        this.tracking = tracking;
    }

    /** The same pixel for every token, good or bad: it tells nothing. */
    @GetMapping("/api/public/o/{token}")
    ResponseEntity<byte[]> open(@PathVariable String token) {
        tracking.opened(token);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_GIF).cacheControl(CacheControl.noStore()).body(PIXEL);
    }

    /** Redirects only to a link that was in the recipient's message. */
    @GetMapping("/api/public/c/{token}")
    ResponseEntity<String> click(@PathVariable String token, @RequestParam(name = "l", defaultValue = "-1") int link) {
        return tracking.clicked(token, link)
                .map(target -> ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, target)
                        .cacheControl(CacheControl.noStore()).<String>build())
                .orElseGet(() -> page(HttpStatus.NOT_FOUND, "outbound.page.invalid", null));
    }

    /** The confirm page: a GET changes nothing (mail scanners open links), the button POSTs. */
    @GetMapping(value = "/api/public/u/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirm(@PathVariable String token) {
        if (!tracking.known(token)) {
            return page(HttpStatus.NOT_FOUND, "outbound.page.invalid", null);
        }
        return page(HttpStatus.OK, "outbound.page.confirm", "/api/public/u/" + token);
    }

    /** The form's POST and the RFC 8058 one-click POST ({@code List-Unsubscribe=One-Click}). */
    @PostMapping(value = "/api/public/u/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> unsubscribe(@PathVariable String token) {
        return tracking.unsubscribe(token) ? page(HttpStatus.OK, "outbound.page.done", null)
                : page(HttpStatus.NOT_FOUND, "outbound.page.invalid", null);
    }

    private static ResponseEntity<String> page(HttpStatus status, String key, String formAction) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><title>")
                .append(text(key + ".title")).append("</title><body><h1>").append(text(key + ".title"))
                .append("</h1><p>").append(text(key + ".text")).append("</p>");
        if (formAction != null) {
            html.append("<form method=\"post\" action=\"").append(HtmlUtils.htmlEscape(formAction)).append("\">")
                    .append("<button type=\"submit\">").append(text(key + ".button")).append("</button></form>");
        }
        html.append("</body></html>");
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).body(html.toString());
    }

    private static String text(String key) {
        return HtmlUtils.htmlEscape(FrenchMessages.render(Message.of(key)), "UTF-8");
    }
}
