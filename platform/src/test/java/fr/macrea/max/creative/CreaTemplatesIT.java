package fr.macrea.max.creative;

import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.ActionRequest;
import fr.macrea.max.action.ActionService;
import fr.macrea.max.action.Mode;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.crm.CrmConnectionService;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.EmailTemplate;
import fr.macrea.max.crm.EspoCrmFake;
import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.CrmMode;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.wallet.DefaultPrices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A creation saved as an EspoCRM {@code EmailTemplate} in both CRM modes (the embedded CRM; EspoCRM over REST,
 * here its WireMock fake, then the replica) and read back identical; hostile HTML removed on the way, harmless
 * formatting kept. Tenant B sees none of A's templates.
 */
@TestPropertySource(properties = "max.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
class CreaTemplatesIT extends PlatformIT {

    static final String HOSTILE = "<p>Bonjour <strong>{Lead.firstName}</strong>, <em>voici</em> "
            + "<a href=\"https://boutique.example.fr/soldes\">nos soldes</a></p>"
            + "<script>alert('vol')</script>"
            + "<img src=\"https://cdn.example.fr/a.png\" alt=\"promo\" onerror=\"alert(1)\">"
            + "<a href=\"javascript:alert(2)\">clic</a>"
            + "<p style=\"width: expression(alert(3)); color: red\">rouge</p>"
            + "<style>body { background: url(javascript:alert(4)) }</style>"
            + "<div onmouseover=\"alert(5)\">survol</div>"
            + "<table><tr><td>case</td></tr></table>";

    private static EspoCrmFake fake;

    @Autowired
    TenantService tenants;
    @Autowired
    ActionService actions;
    @Autowired
    ModeService modes;
    @Autowired
    CrmGateway crm;
    @Autowired
    CrmConnectionService connection;
    @Autowired
    CreativeService creative;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @AfterAll
    static void stopFake() {
        if (fake != null) {
            fake.close();
        }
    }

    private CreaSaved save(String key) {
        modes.set(Mode.AUTO);
        ActionOutcome<Object> done = actions.run(ActionRequest.of(DefaultPrices.NEWSLETTER,
                new CreaContent(Channel.NEWSLETTER, "Soldes d'hiver", "Soldes {Lead.firstName}", HOSTILE, "max:annonce-produit"),
                key).withDoubleConfirmation());
        return (CreaSaved) done.result();
    }

    private static void assertSanitised(String body) {
        assertThat(body).doesNotContain("<script", "alert", "onerror", "onmouseover", "javascript:", "expression(", "<style");
        assertThat(body).contains("<strong>{Lead.firstName}</strong>", "<em>voici</em>",
                "<a href=\"https://boutique.example.fr/soldes\"", "src=\"https://cdn.example.fr/a.png\"", "alt=\"promo\"",
                "<table>", "<td>case</td>", "survol", "rouge");
    }

    @Test
    void inTheEmbeddedCrmTheTemplateReadsBackAsSavedAndSanitised() {
        Tenant a = TestTenants.create(tenants, "Tpl embedded", Plan.PRO);
        TestTenants.signInAs(a, Role.TENANT_ADMIN);
        CreaSaved saved = save("k-embedded");
        EmailTemplate back = crm.emailTemplates().stream().filter(t -> t.id().equals(saved.templateId())).findFirst().orElseThrow();
        assertThat(back.name()).isEqualTo("Soldes d'hiver");
        assertThat(back.subject()).isEqualTo("Soldes {Lead.firstName}");
        assertThat(back.isHtml()).isTrue();
        assertThat(back.categoryName()).isEqualTo("Espace Créa – Newsletter");
        assertSanitised(back.body());
        assertThat(back.body()).isEqualTo(HtmlSanitizer.sanitize(HOSTILE));

        Tenant b = TestTenants.create(tenants, "Tpl embedded B", Plan.PRO);
        TestTenants.signInAs(b, Role.TENANT_ADMIN);
        assertThat(crm.emailTemplates()).extracting(EmailTemplate::id).doesNotContain(saved.templateId());
        assertThat(creative.creations()).extracting(EmailTemplate::id).doesNotContain(saved.templateId());
        assertThat(creative.creation(saved.templateId())).isEmpty();
    }

    @Test
    void throughEspoCrmTheTemplateIsPostedThenReplicatedIdentical() {
        fake = new EspoCrmFake();
        Tenant espo = TestTenants.create(tenants, "Tpl espo", Plan.PRO);
        TestTenants.signInAs(espo, Role.TENANT_ADMIN);
        connection.connectEspoCrm(fake.apiKeySettings());
        assertThat(tenants.current().crmMode()).isEqualTo(CrmMode.ESPOCRM);
        CreaSaved saved = save("k-espo");
        Map<String, Object> inEspo = fake.get("EmailTemplate", saved.templateId());
        assertThat(inEspo).containsEntry("name", "Soldes d'hiver").containsEntry("isHtml", true)
                .containsEntry("subject", "Soldes {Lead.firstName}");
        assertSanitised((String) inEspo.get("body"));
        assertThat(fake.get("EmailTemplateCategory", (String) inEspo.get("categoryId")))
                .containsEntry("name", "Espace Créa – Newsletter");
        EmailTemplate replica = crm.emailTemplates().stream().filter(t -> t.id().equals(saved.templateId())).findFirst().orElseThrow();
        assertThat(replica.body()).isEqualTo(inEspo.get("body"));
        assertThat(replica.subject()).isEqualTo("Soldes {Lead.firstName}");
    }
}
