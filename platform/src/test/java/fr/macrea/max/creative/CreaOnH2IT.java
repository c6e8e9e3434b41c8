package fr.macrea.max.creative;

import fr.macrea.max.PlatformTestApplication;
import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.ActionRequest;
import fr.macrea.max.action.ActionService;
import fr.macrea.max.action.Mode;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.wallet.DefaultPrices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Créa on the embedded default database (H2 in MySQL mode): the image table and the template save work there too. */
@SpringBootTest(classes = PlatformTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:crea_h2;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "max.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class CreaOnH2IT {

    @Autowired
    TenantService tenants;
    @Autowired
    CreativeService creative;
    @Autowired
    PublicImages publicImages;
    @Autowired
    ActionService actions;
    @Autowired
    ModeService modes;
    @Autowired
    CrmGateway crm;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void anImageIsStoredAndServedAndATemplateSavedOnH2() throws Exception {
        Tenant tenant = TestTenants.create(tenants, "Crea H2", Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        CreaImage image = creative.upload(ImageUploadsTest.jpegWithExif("owner"), "a.jpg");
        assertThat(creative.image(image.token())).isPresent();
        assertThat(publicImages.find(image.token())).hasValueSatisfying(s -> {
            assertThat(s.contentType()).isEqualTo("image/jpeg");
            assertThat(s.bytes()).hasSize(image.size());
        });
        assertThat(publicImages.find(image.token().toLowerCase())).isEmpty();

        modes.set(Mode.AUTO);
        CreaContent content = creative.fillImageSlot(new CreaContent(Channel.NEWSLETTER, "H2", "Objet",
                "<p>[Votre image ici]</p>", null), 0, image);
        ActionOutcome<Object> done = actions.run(ActionRequest.of(DefaultPrices.NEWSLETTER, content, "k-h2").withDoubleConfirmation());
        assertThat(done.completed()).isTrue();
        assertThat(crm.emailTemplates()).singleElement().satisfies(t -> assertThat(t.body()).contains(image.url()));
    }
}
