package fr.macrea.max.http;

import fr.macrea.max.shared.Message;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Any {@code /api/} path no endpoint maps: a JSON 404. Without it the request falls through to the Vaadin servlet,
 * which answers its page with 200 (and a session). Spring MVC prefers every more specific mapping to this one.
 */
@RestController
class ApiFallbackController {

    @RequestMapping("/api/**")
    ResponseEntity<Map<String, Object>> unknown() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiErrors.body(Message.of("http.error.not-found")));
    }
}
