package fr.macrea.max.crm;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrmUnitsTest {

    @Test
    void idsAre17LowerHexTimeOrderedAndUnique() {
        Clock early = Clock.fixed(Instant.parse("2026-01-01T00:00:00.000001Z"), ZoneOffset.UTC);
        Clock late = Clock.fixed(Instant.parse("2026-01-01T00:00:01Z"), ZoneOffset.UTC);
        String a = CrmIds.generate(early);
        String b = CrmIds.generate(late);
        assertThat(a).matches("[0-9a-f]{17}").startsWith(Long.toHexString(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond()) + "00001");
        assertThat(a.substring(0, 13)).isLessThan(b.substring(0, 13));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(CrmIds.generate(Clock.systemUTC()));
        }
        assertThat(ids.size()).isGreaterThan(9_990);
    }

    @Test
    void malformedIdsAreRefusedInFrench() {
        assertThatThrownBy(() -> CrmIds.require("1' OR '1'='1")).isInstanceOf(CrmValidationException.class)
                .hasMessageContaining("Identifiant de fiche invalide");
        assertThatThrownBy(() -> CrmIds.require("x".repeat(37))).isInstanceOf(CrmValidationException.class);
        assertThat(CrmIds.require("6b04cdaec6a7236b7")).isEqualTo("6b04cdaec6a7236b7");
    }

    @Test
    void webhookSignaturesVerifyBothEncodingsAndRefuseForgeries() {
        byte[] body = "[{\"id\":\"abc\"}]".getBytes(StandardCharsets.UTF_8);
        String legacy = WebhookSignatures.sign("wh1", body, "s3cret", false);
        String modern = WebhookSignatures.sign("wh1", body, "s3cret", true);
        var l = WebhookSignatures.parse(legacy, false).orElseThrow();
        var m = WebhookSignatures.parse(modern, true).orElseThrow();
        assertThat(l.webhookId()).isEqualTo("wh1");
        assertThat(m.webhookId()).isEqualTo("wh1");
        assertThat(WebhookSignatures.verify(l, body, "s3cret")).isTrue();
        assertThat(WebhookSignatures.verify(m, body, "s3cret")).isTrue();
        assertThat(WebhookSignatures.verify(m, body, "other")).isFalse();
        assertThat(WebhookSignatures.verify(m, "[{\"id\":\"abd\"}]".getBytes(StandardCharsets.UTF_8), "s3cret")).isFalse();
        assertThat(WebhookSignatures.parse("not base64!", true)).isEmpty();
        assertThat(WebhookSignatures.parse(Base64.getEncoder().encodeToString("nocolon".getBytes()), true)).isEmpty();
    }

    @Test
    void secretsAreEncryptedWithAesGcmAndTamperingIsDetected() {
        SecretCipher cipher = new SecretCipher(Base64.getEncoder().encodeToString(new byte[32]));
        String sealed = cipher.encrypt("api-key-123");
        assertThat(sealed).doesNotContain("api-key-123");
        assertThat(cipher.encrypt("api-key-123")).isNotEqualTo(sealed);
        assertThat(cipher.decrypt(sealed)).isEqualTo("api-key-123");
        byte[] raw = Base64.getDecoder().decode(sealed);
        raw[raw.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(raw))).isInstanceOf(CrmException.class);
        assertThatThrownBy(() -> new SecretCipher("").encrypt("x")).isInstanceOf(CrmException.class)
                .hasMessageContaining("max.secrets.key");
    }

    @Test
    void tagsAreValidatedAndDeduplicated() {
        assertThat(CrmValues.tagList(List.of("vip", "VIP client", "vip"))).containsExactly("vip", "VIP client");
        assertThatThrownBy(() -> CrmValues.tagList(List.of(""))).isInstanceOf(CrmValidationException.class);
        assertThatThrownBy(() -> CrmValues.tagList(List.of("x".repeat(101)))).isInstanceOf(CrmValidationException.class);
        assertThatThrownBy(() -> CrmValues.tagList(List.of("<script>"))).isInstanceOf(CrmValidationException.class);
    }

    @Test
    void attributeAndColumnNamesFollowEspoConventions() {
        assertThat(CrmSchema.snake("assignedUserId")).isEqualTo("assigned_user_id");
        assertThat(CrmSchema.camel("email_address_is_opted_out")).isEqualTo("emailAddressIsOptedOut");
        assertThat(CrmSchema.column(fr.macrea.max.db.crm.Tables.LEAD, "tags").getName()).isEqualTo("c_tags");
        assertThat(CrmSchema.column(fr.macrea.max.db.crm.Tables.LEAD, "cTags").getName()).isEqualTo("c_tags");
    }

    @Test
    void aSyncErrorIsStoredAsAMessageAndReadBackAsTheSameMessage() {
        var down = fr.macrea.max.shared.Message.of("crm.espo.unavailable",
                fr.macrea.max.shared.Message.of("crm.espo.detail.status", 502));
        String stored = CrmSyncStatusRepository.stored(down);
        assertThat(CrmSyncStatusRepository.read(stored)).isEqualTo(down);
        // a row written before errors were messages keeps its French sentence
        assertThat(CrmSyncStatusRepository.read("EspoCRM ne répond pas (erreur 502)."))
                .isEqualTo(fr.macrea.max.shared.Message.of("shared.untranslated", "EspoCRM ne répond pas (erreur 502)."));
        // a long EspoCRM reason still fits the column (VARCHAR(1000)), as French text
        var longReason = fr.macrea.max.shared.Message.of("crm.espo.refused.reason", "\"x\" ".repeat(600));
        String cut = CrmSyncStatusRepository.stored(longReason);
        assertThat(cut.length()).isLessThanOrEqualTo(1000);
        assertThat(CrmSyncStatusRepository.read(cut).key()).isEqualTo("shared.untranslated");
        assertThat(fr.macrea.max.shared.FrenchMessages.render(CrmSyncStatusRepository.read(cut)))
                .startsWith("EspoCRM a refusé les données");
    }
}
