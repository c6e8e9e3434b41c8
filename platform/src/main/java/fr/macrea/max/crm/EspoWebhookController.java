package fr.macrea.max.crm;

import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.Message;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Receives EspoCRM's webhook batches ({@code POST /api/hooks/espocrm/{hookKey}}). The path is open in the API
 * security chain: every call is authenticated here by its {@code X-Signature}/{@code Signature} against the secret of
 * a webhook registered by the tenant that owns the hook key. Unsigned → 401, forged or another tenant's webhook → 403.
 */
@RestController
class EspoWebhookController {

    private final CrmConnectionService service;

    EspoWebhookController(CrmConnectionService service) {
        this.service = service;
    }

    @PostMapping(path = "/api/hooks/espocrm/{hookKey}", consumes = "*/*")
    ResponseEntity<Map<String, Object>> receive(@PathVariable String hookKey,
                                                @RequestHeader(name = "X-Signature", required = false) String legacySignature,
                                                @RequestHeader(name = "Signature", required = false) String signature,
                                                @RequestBody(required = false) byte[] body) {
        CrmConnectionService.WebhookResult result = service.receiveWebhook(hookKey, legacySignature, signature,
                body == null ? new byte[0] : body);
        return switch (result.outcome()) {
            case ACCEPTED -> ResponseEntity.ok(Map.of("changed", result.changed()));
            case UNSIGNED -> ResponseEntity.status(401).body(error(Message.of("crm.webhook.unsigned")));
            case FORBIDDEN -> ResponseEntity.status(403).body(error(Message.of("crm.webhook.forbidden")));
            case BAD_REQUEST -> ResponseEntity.badRequest().body(error(result.message()));
        };
    }

    /**
     * The caller is EspoCRM, not a user with a language: the body carries the stable key for machines and the French
     * text (the product's first language) for the EspoCRM administrator reading its webhook log.
     */
    private static Map<String, Object> error(Message message) {
        return Map.of("error", FrenchMessages.render(message), "key", message.key());
    }
}
