package fr.macrea.max.creative;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * Serves Créa images to the recipients of a message ({@code GET /api/public/images/{token}}, open without sign-in,
 * ApiSecurityConfig.PUBLIC_LINKS). The stored type only, never sniffed by the browser ({@code nosniff}); anything
 * but an existing token is a bare 404 that says nothing about other tenants' images.
 */
@RestController
class PublicImageController {

    private final PublicImages images;

    PublicImageController(PublicImages images) {
        this.images = images;
    }

    @GetMapping("/api/public/images/{token}")
    ResponseEntity<byte[]> image(@PathVariable String token) {
        return images.find(token)
                .map(i -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(i.contentType()))
                        .header("X-Content-Type-Options", "nosniff")
                        // an image never changes under its token: mail clients and proxies may keep it
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic())
                        .body(i.bytes()))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .header("X-Content-Type-Options", "nosniff").build());
    }
}
