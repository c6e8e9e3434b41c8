package fr.macrea.max.creative;

import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.security.Role;
import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.Message;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The editor's side of Créa on MariaDB: models, the first version, the checks and the preview as a real lead. */
class CreativeServiceIT extends PlatformIT {

    @Autowired
    TenantService tenants;
    @Autowired
    CreativeService creative;
    @Autowired
    CrmGateway crm;

    Tenant tenant;
    String lead;

    @BeforeEach
    void tenantWithALead() {
        tenant = TestTenants.create(tenants, "Zen Beaute", Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        lead = crm.create("Lead", Map.of("firstName", "Inès", "lastName", "Durand", "accountName", "Institut Lumière",
                "status", "New"), true);
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    private static List<String> french(List<Message> messages) {
        return messages.stream().map(FrenchMessages::render).toList();
    }

    @Test
    void theFiveModelsOfTheBriefAreOfferedAndFilteredByChannel() {
        assertThat(creative.models(null)).extracting(CreaModel::key).startsWith("max:annonce-produit", "max:routine-beaute",
                "max:remerciement", "max:relance-devis-j3", "max:confirmation-rdv");
        assertThat(creative.models(Channel.WHATSAPP)).extracting(CreaModel::key).contains("max:remerciement")
                .allSatisfy(k -> assertThat(creative.model(k).channel()).isEqualTo(Channel.WHATSAPP));
        assertThat(creative.models(Channel.NEWSLETTER)).extracting(CreaModel::channel).containsOnly(Channel.NEWSLETTER);
        assertThatThrownBy(() -> creative.model("max:nope")).isInstanceOf(CreativeException.class);
    }

    @Test
    void theFirstVersionIsTheModelFilledWithTheTopicAndTheTenant() {
        CreaContent c = creative.write("max:annonce-produit", "Sérum <b>éclat</b>");
        assertThat(c.channel()).isEqualTo(Channel.NEWSLETTER);
        assertThat(c.subject()).isEqualTo("Nouveau chez Zen Beaute : Sérum <b>éclat</b>");
        assertThat(c.body()).contains("Sérum &lt;b&gt;", "L'équipe Zen Beaute", "{Lead.firstName}", "[Votre image ici]")
                .doesNotContain("{{");
        assertThat(creative.imageSlots(c.body())).isEqualTo(1);
        assertThat(french(creative.check(c))).anySatisfy(m -> assertThat(m).contains("emplacement(s) d'image"));
        CreaContent sms = creative.write("max:confirmation-rdv", "du 12 mars");
        assertThat(sms.body()).isEqualTo("Bonjour {Lead.firstName}, votre rendez-vous du 12 mars avec Zen Beaute est confirmé. Répondez STOP pour annuler.");
        assertThat(creative.check(sms)).isEmpty();
    }

    @Test
    void unknownPlaceholdersAreNamedAndTheListedFieldsIncludeTheLeadsOwn() {
        assertThat(creative.placeholderFields()).contains("firstName", "lastName", "emailAddress", "accountName")
                .doesNotContain("deleted");
        CreaContent c = new CreaContent(Channel.EMAIL, "Relance", "Bonjour {Lead.firstName}",
                "<p>{Lead.prenom} {Contact.name} {Lead.lastName}</p>", null);
        assertThat(french(creative.check(c))).singleElement().satisfies(m ->
                assertThat(m).contains("{Lead.prenom}").contains("{Contact.name}").doesNotContain("{Lead.lastName}"));
        CreaContent whatsapp = new CreaContent(Channel.WHATSAPP, "Merci", "", "Merci <b>{Lead.firstName}</b>", null);
        assertThat(french(creative.check(whatsapp))).singleElement().satisfies(m -> assertThat(m).contains("texte seul"));
        CreaContent empty = new CreaContent(Channel.NEWSLETTER, " ", "", "", null);
        assertThat(creative.check(empty)).hasSize(3);
    }

    @Test
    void thePreviewIsWhatThatLeadReceivesSanitised() {
        CreaContent c = new CreaContent(Channel.NEWSLETTER, "N", "Pour {Lead.firstName}",
                "<p onclick=\"steal()\">Bonjour {Lead.firstName} de {Lead.accountName}</p><script>x()</script>", null);
        CreaPreview p = creative.preview(c, lead);
        assertThat(p.subject()).isEqualTo("Pour Inès");
        assertThat(p.body()).isEqualTo("<p>Bonjour Inès de Institut Lumière</p>");
        assertThat(p.unresolved()).isEmpty();
        assertThat(p.segments()).isNull();
        CreaPreview sms = creative.preview(new CreaContent(Channel.SMS, "S", "", "Bonjour {Lead.firstName} {Lead.inconnu}", null), lead);
        assertThat(sms.body()).isEqualTo("Bonjour Inès {Lead.inconnu}");
        assertThat(sms.unresolved()).containsExactly("{Lead.inconnu}");
        // è is in the GSM alphabet, the braces are in its extension table (2 septets each): 13 + 16
        assertThat(sms.segments()).returns(SmsSegments.Encoding.GSM_7, SmsSegments.Segments::encoding)
                .returns(29, SmsSegments.Segments::units).returns(1, SmsSegments.Segments::segments);
    }

    @Test
    void anotherTenantCannotPreviewWithThisTenantsLead() {
        Tenant other = TestTenants.create(tenants, "Other", Plan.PRO);
        TestTenants.signInAs(other, Role.TENANT_USER);
        CreaContent c = new CreaContent(Channel.SMS, "S", "", "Bonjour {Lead.firstName}", null);
        assertThatThrownBy(() -> creative.preview(c, lead)).isInstanceOf(fr.macrea.max.crm.CrmNotFoundException.class);
    }

    @Test
    void signedOutNothingIsReachable() {
        TestTenants.signOut();
        assertThatThrownBy(() -> creative.models(null)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
