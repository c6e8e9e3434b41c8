package fr.macrea.max.creative;

import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.security.Role;
import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Créa images end to end on MariaDB: stored per tenant, re-encoded, served to anonymous recipients by token with
 * their stored type and nosniff; another tenant reaches none of them through the services, and a token resolves to
 * its own image only.
 */
@AutoConfigureMockMvc
class CreaImagesIT extends PlatformIT {

    @Autowired
    TenantService tenants;
    @Autowired
    CreativeService creative;
    @Autowired
    MockMvc mvc;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    private Tenant signedIn(String name) {
        Tenant t = TestTenants.create(tenants, name, Plan.PRO);
        TestTenants.signInAs(t, Role.TENANT_USER);
        return t;
    }

    @Test
    void anUploadedPngIsServedWithoutItsMetadataToAnyoneHoldingTheLink() throws Exception {
        signedIn("Images A");
        CreaImage image = creative.upload(ImageUploadsTest.pngWithText("GPS 48.85"), "photo.png");
        assertThat(image.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(image.url()).isEqualTo("http://localhost:8080/api/public/images/" + image.token());
        assertThat(image.contentType()).isEqualTo("image/png");
        TestTenants.signOut(); // a recipient has no session
        MvcResult served = mvc.perform(get(CreaImage.path(image.token())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn();
        byte[] bytes = served.getResponse().getContentAsByteArray();
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("GPS 48.85");
        assertThat(ImageIO.read(new ByteArrayInputStream(bytes)).getWidth()).isEqualTo(20);
    }

    @Test
    void aJpegIsServedAsJpegAndAnythingButAStoredTokenIsA404() throws Exception {
        signedIn("Images J");
        CreaImage jpeg = creative.upload(ImageUploadsTest.jpegWithExif("owner"), "x.jpg");
        TestTenants.signOut();
        mvc.perform(get(CreaImage.path(jpeg.token()))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"));
        String other = jpeg.token().substring(0, 42) + (jpeg.token().endsWith("A") ? "B" : "A");
        mvc.perform(get(CreaImage.path(other))).andExpect(status().isNotFound());
        mvc.perform(get("/api/public/images/" + jpeg.token().toLowerCase())).andExpect(status().isNotFound());
        mvc.perform(get("/api/public/images/../images/" + jpeg.token())).andExpect(status().is4xxClientError());
        mvc.perform(get("/api/public/images/1")).andExpect(status().isNotFound());
        mvc.perform(get("/api/public/images/%27%20OR%201=1")).andExpect(status().is4xxClientError());
    }

    @Test
    void refusedUploadsStoreNothingAndSayWhy() {
        signedIn("Images R");
        assertThatThrownBy(() -> creative.upload(ImageUploadsTest.pngBomb(), "bomb.png"))
                .satisfies(e -> assertThat(FrenchMessages.render(((LocalizedException) e).message())).contains("pixels de côté au plus"));
        assertThatThrownBy(() -> creative.upload("<svg onload=alert(1)></svg>".getBytes(StandardCharsets.UTF_8), "a.png"))
                .isInstanceOf(CreativeException.class);
    }

    @Test
    void tenantBReachesNoneOfTenantAsImages() {
        signedIn("Images iso A");
        CreaImage ofA = creative.upload(ImageUploadsTest.WEBP, "a.webp");
        assertThat(creative.image(ofA.token())).isPresent();
        CreaContent draft = new CreaContent(Channel.NEWSLETTER, "N", "S", "<p>[Votre image ici]</p>", null);
        assertThat(creative.fillImageSlot(draft, 0, ofA).body()).contains(ofA.url()).doesNotContain("[Votre image ici]");

        signedIn("Images iso B");
        assertThat(creative.image(ofA.token())).isEmpty();
        assertThatThrownBy(() -> creative.fillImageSlot(draft, 0, ofA))
                .satisfies(e -> assertThat(FrenchMessages.render(((LocalizedException) e).message())).contains("n'existe pas dans votre espace"));
        CreaImage ofB = creative.upload(ImageUploadsTest.WEBP, "b.webp");
        assertThat(ofB.token()).isNotEqualTo(ofA.token());
        assertThat(creative.image(ofB.token())).isPresent();
    }

    @Test
    void aSlotIsFilledOneAtATimeAndATextChannelGetsTheLink() {
        signedIn("Images slots");
        CreaImage image = creative.upload(ImageUploadsTest.WEBP, "a.webp");
        CreaContent two = new CreaContent(Channel.NEWSLETTER, "N", "S", "<p>[Votre image ici]</p><p>[Votre image ici]</p>", null);
        CreaContent once = creative.fillImageSlot(two, 1, image);
        assertThat(creative.imageSlots(once.body())).isEqualTo(1);
        assertThat(once.body()).startsWith("<p>[Votre image ici]</p><p><img src=\"" + image.url());
        assertThatThrownBy(() -> creative.fillImageSlot(once, 1, image)).isInstanceOf(CreativeException.class);
        CreaContent sms = new CreaContent(Channel.SMS, "N", "", "Voir [Votre image ici]", null);
        assertThat(creative.fillImageSlot(sms, 0, image).body()).isEqualTo("Voir " + image.url());
    }
}
