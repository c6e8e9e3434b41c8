package fr.macrea.max.crm;

import fr.macrea.max.http.ApiErrors;
import fr.macrea.max.http.RequestBodies;
import fr.macrea.max.shared.Message;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Receives EspoCRM's webhook batches ({@code POST /api/hooks/espocrm/{hookKey}}). The path is open in the API
 * security chain: every call is authenticated here by its {@code X-Signature}/{@code Signature} against the secret of
 * a webhook registered by the tenant that owns the hook key. Unknown key or unsigned → 401 before the body is read;
 * body beyond {@code max.http.max-body-size} → 413; forged or another tenant's webhook → 403; tenant on the
 * embedded CRM → 409.
 */
@RestController
class EspoWebhookController {

    private final CrmConnectionService service;
    private final RequestBodies bodies;

    EspoWebhookController(CrmConnectionService service, RequestBodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    /** The body is read by the service, bounded, only once the hook key names a tenant (no {@code @RequestBody}). */
    @PostMapping(path = "/api/hooks/espocrm/{hookKey}", consumes = "*/*")
    ResponseEntity<Map<String, Object>> receive(@PathVariable String hookKey,
                                                @RequestHeader(name = "X-Signature", required = false) String legacySignature,
                                                @RequestHeader(name = "Signature", required = false) String signature,
                                                HttpServletRequest request) {
        CrmConnectionService.WebhookResult result = service.receiveWebhook(hookKey, legacySignature, signature,
                () -> bodies.read(request));
        return switch (result.outcome()) {
            case ACCEPTED -> ResponseEntity.ok(Map.of("changed", result.changed()));
            case UNSIGNED -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(error(Message.of("crm.webhook.unsigned")));
            case FORBIDDEN -> ResponseEntity.status(HttpStatus.FORBIDDEN).body(error(Message.of("crm.webhook.forbidden")));
            case TOO_LARGE -> ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header("Connection", "close")
                    .body(error(result.message()));
            case EMBEDDED -> ResponseEntity.status(HttpStatus.CONFLICT).body(error(Message.of("crm.webhook.embedded")));
            case BAD_REQUEST -> ResponseEntity.badRequest().body(error(result.message()));
        };
    }

    /**
     * The caller is EspoCRM, not a user with a language: the body carries the stable key for machines and the French
     * text (the product's first language) for the EspoCRM administrator reading its webhook log.
     */
    private static Map<String, Object> error(Message message) {
        return ApiErrors.body(message);
    }
}
