package fr.macrea.max.crm;

import java.time.Instant;

/**
 * The current tenant's EspoCRM connection as tenant settings show it: never a secret, only whether one is saved
 * and when ({@code savedAt}, the last time the connection was saved).
 */
public record EspoConnectionInfo(String baseUrl, EspoSettings.AuthMode authMode, EspoSettings.HmacDigest hmacDigest,
                                 boolean customPrefix, boolean secretKeySet, Instant savedAt, String webhookPath) {
}
