package fr.macrea.max.crm;

import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * THE behaviour of the CRM port, whatever the tenant's mode: run against the embedded CRM and against EspoCRM (the
 * faithful fake) with its replica ({@link SchemaCrmGatewayContract} adds what they store in the tenant schema), and
 * against the in-memory test double. Each test works on its own unique names and tags, in one tenant per class.
 */
@RecordApplicationEvents
@TestPropertySource(properties = {
        "max.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "max.crm.sync.scheduled=false",
        "max.crm.espo.initial-backoff=PT0.01S"})
abstract class CrmGatewayContract extends PlatformIT implements CrmBulkContract {

    @Autowired
    protected CrmGateway crm;
    @Autowired
    protected TenantService tenantService;
    @Autowired
    protected ApplicationEvents events;

    protected String unique;

    @Override
    public CrmGateway gateway() {
        return crm;
    }

    @Override
    public String uniqueName() {
        return unique;
    }

    /** The tenant the suite runs in (created once per class), signed in as its admin. */
    protected abstract Tenant tenant();

    @BeforeEach
    void signIn() {
        TestTenants.signInAs(tenant(), Role.TENANT_ADMIN);
        unique = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    protected Map<String, Object> lead(String first, String last, String email) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("firstName", first);
        a.put("lastName", last);
        a.put("emailAddress", email);
        a.put("status", "New");
        a.put("source", "Web Site");
        a.put("accountName", "Boulangerie " + unique);
        a.put("addressCity", "Lyon");
        return a;
    }

    @Test
    void createsAndReadsALeadWithEspoIdsEmailPhoneAndTags() {
        Map<String, Object> a = lead("Léa", "Martin" + unique, unique + "@exemple.fr");
        a.put("phoneNumber", "+33 6 12 34 56 78");
        a.put("cTags", List.of("vip", "salon-2026"));
        String id = crm.create("Lead", a, false);

        assertThat(id).matches("[0-9a-f]{17}");
        Lead lead = crm.findLead(id).orElseThrow();
        assertThat(lead.name()).isEqualTo("Léa Martin" + unique);
        assertThat(lead.emailAddress()).isEqualTo(unique + "@exemple.fr");
        assertThat(lead.phoneNumber()).isEqualTo("+33 6 12 34 56 78");
        assertThat(lead.status()).isEqualTo("New");
        assertThat(lead.source()).isEqualTo("Web Site");
        assertThat(lead.tags()).containsExactlyInAnyOrder("vip", "salon-2026");
        assertThat(lead.createdAt()).isNotNull();
        assertThat(events.stream(CrmRecordChanged.class).filter(e -> e.ref().id().equals(id)))
                .anySatisfy(e -> {
                    assertThat(e.type()).isEqualTo("crm.lead.created");
                    assertThat(e.tenant()).isEqualTo(tenant().id());
                });
    }

    @Test
    void updateReturnsBeforeAndAfterImages() {
        String id = crm.create("Lead", lead("Paul", "Durand" + unique, null), false);
        RecordWrite write = crm.update(EntityRef.lead(id), Map.of("status", "In Process", "title", "Gérant"));
        assertThat(write.before()).containsEntry("status", "New").containsEntry("title", null);
        assertThat(write.after()).containsEntry("status", "In Process").containsEntry("title", "Gérant");
        assertThat(crm.readAttributes(EntityRef.lead(id), Set.of("status"))).containsEntry("status", "In Process");
        RecordWrite undo = crm.update(EntityRef.lead(id), write.before());
        assertThat(undo.after()).isEqualTo(write.before());
    }

    @Test
    void tagsAreReplacedAndValidated() {
        String id = crm.create("Lead", lead("Ana", "Silva" + unique, null), false);
        crm.setTags(EntityRef.lead(id), Set.of("newsletter", "vip"));
        crm.setTags(EntityRef.lead(id), Set.of("vip", "relance"));
        assertThat(crm.tags(EntityRef.lead(id))).containsExactlyInAnyOrder("vip", "relance");
        assertThatThrownBy(() -> crm.setTags(EntityRef.lead(id), Set.of("<b>")))
                .isInstanceOf(CrmValidationException.class).hasMessageContaining("Étiquette invalide");
        assertThat(crm.tags(EntityRef.lead(id))).containsExactlyInAnyOrder("vip", "relance");
    }

    @Test
    void searchFiltersAndPaginatesByKeyset() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> a = lead("Client" + i, "Nom" + unique + i, null);
            a.put("cTags", List.of(unique));
            a.put("status", i < 3 ? "New" : "Dead");
            ids.add(crm.create("Lead", a, false));
        }
        crm.create("Lead", lead("Sans", "Etiquette" + unique, null), false);

        List<String> seen = new ArrayList<>();
        CrmQuery query = CrmQuery.all(2).withAnyTags(unique);
        CrmPage<Lead> page = crm.searchLeads(query);
        seen.addAll(page.items().stream().map(Lead::id).toList());
        int pages = 1;
        while (page.nextCursor().isPresent()) {
            page = crm.searchLeads(query.after(page.nextCursor().get()));
            seen.addAll(page.items().stream().map(Lead::id).toList());
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();

        assertThat(crm.searchLeads(CrmQuery.all(50).withAnyTags(unique).withStatuses("Dead")).items()).hasSize(2);
        assertThat(crm.searchLeads(CrmQuery.all(50).withText("etiquette" + unique)).items())
                .singleElement().satisfies(l -> assertThat(l.lastName()).isEqualTo("Etiquette" + unique));
        assertThat(crm.searchLeads(CrmQuery.all(50).withText("boulangerie " + unique)).items()).hasSize(6);
        assertThat(crm.searchLeads(CrmQuery.all(50).withAnyTags(unique).withSources("Partner")).items()).isEmpty();
        assertThat(crm.searchLeads(CrmQuery.all(50).withAnyTags(unique)
                .withCreatedBetween(Instant.now().minusSeconds(3600), Instant.now().plusSeconds(3600))).items()).hasSize(5);
        assertThatThrownBy(() -> crm.searchLeads(query.after("garbage!"))).isInstanceOf(CrmValidationException.class);
    }

    @Test
    void timelineShowsNotesTasksAndCampaignLogNewestFirst() {
        String id = crm.create("Lead", lead("Tim", "Line" + unique, null), false);
        crm.addNote(EntityRef.lead(id), "Appel de découverte très positif");
        crm.addTask(EntityRef.lead(id), new NewTask("Envoyer le devis", "Devis salon", "High", Instant.now().plusSeconds(86400), null));
        String campaign = crm.createCampaign(new Campaign(null, "Printemps " + unique, "Active", "Email",
                LocalDate.now(), LocalDate.now().plusDays(30), null));
        crm.logCampaignEvent(new CampaignLogEntry(null, campaign, "Opened", EntityRef.lead(id), Instant.now(), null));

        List<TimelineEntry> timeline = crm.timeline(EntityRef.lead(id), 10);
        assertThat(timeline).extracting(TimelineEntry::kind).contains("Note", "Task", "CampaignLogRecord");
        assertThat(timeline).anySatisfy(e -> assertThat(e.detail()).isEqualTo("Appel de découverte très positif"));
        assertThat(timeline).anySatisfy(e -> {
            assertThat(e.title()).isEqualTo("Envoyer le devis");
            assertThat(e.status()).isEqualTo("Not Started");
        });
        assertThat(crm.campaignLog(campaign, 10)).singleElement().satisfies(l -> {
            assertThat(l.action()).isEqualTo("Opened");
            assertThat(l.target()).isEqualTo(EntityRef.lead(id));
        });
        assertThat(crm.campaigns()).anySatisfy(c -> assertThat(c.name()).isEqualTo("Printemps " + unique));
    }

    @Test
    void duplicatesAreSurfacedAndCreatedOnlyWhenConfirmed() {
        String email = unique + "@doublon.fr";
        String first = crm.create("Lead", lead("Marc", "Double" + unique, email), false);
        assertThatThrownBy(() -> crm.create("Lead", lead("Autre", "Personne" + unique, email.toUpperCase()), false))
                .isInstanceOfSatisfying(CrmDuplicateException.class, e -> {
                    assertThat(e.getMessage()).contains("existe déjà");
                    assertThat(e.duplicates()).anySatisfy(d -> assertThat(d.get("id")).isEqualTo(first));
                });
        assertThat(crm.searchLeads(CrmQuery.all(10).withText("personne" + unique)).items()).isEmpty();
        String forced = crm.create("Lead", lead("Autre", "Personne" + unique, email.toUpperCase()), true);
        assertThat(forced).isNotEqualTo(first);
    }

    @Test
    void badInputIsRefusedClearlyAndWritesNothing() {
        assertThatThrownBy(() -> crm.findLead("../etc/passwd")).isInstanceOf(CrmValidationException.class);
        Map<String, Object> unknown = lead("Bad", "Input" + unique, null);
        unknown.put("couleurPreferee", "bleu");
        assertThatThrownBy(() -> crm.create("Lead", unknown, false))
                .isInstanceOf(CrmValidationException.class).hasMessageContaining("couleurPreferee");
        Map<String, Object> tooLong = lead("x".repeat(101), "Input" + unique, null);
        assertThatThrownBy(() -> crm.create("Lead", tooLong, false))
                .isInstanceOf(CrmValidationException.class).hasMessageContaining("100");
        Map<String, Object> badEmail = lead("Bad", "Input" + unique, "pas-une-adresse");
        assertThatThrownBy(() -> crm.create("Lead", badEmail, false)).isInstanceOf(CrmValidationException.class);
        Map<String, Object> badTags = lead("Bad", "Input" + unique, null);
        badTags.put("cTags", List.of("ok", ""));
        assertThatThrownBy(() -> crm.create("Lead", badTags, false)).isInstanceOf(CrmValidationException.class);
        assertThat(crm.searchLeads(CrmQuery.all(10).withText("input" + unique)).items()).isEmpty();

        String id = crm.create("Lead", lead("Good", "Input" + unique, null), false);
        assertThatThrownBy(() -> crm.update(EntityRef.lead(id), Map.of("status", "Bogus", "title", "x".repeat(101))))
                .isInstanceOf(CrmValidationException.class);
        assertThat(crm.findLead(id).orElseThrow().title()).isNull();
        assertThatThrownBy(() -> crm.update(EntityRef.lead("0123456789abcdef0"), Map.of("title", "x")))
                .isInstanceOf(CrmNotFoundException.class);
        assertThatThrownBy(() -> crm.addNote(EntityRef.lead(id), " ")).isInstanceOf(CrmValidationException.class);
    }

    @Test
    void consentFlagsAndTargetListOptOut() {
        String id = crm.create("Contact", Map.of("firstName", "Chloé", "lastName", "Consent" + unique,
                "emailAddress", unique + "@optout.fr"), false);
        String list = crm.create("TargetList", Map.of("name", "Newsletter " + unique), false);
        assertThat(crm.consent(EntityRef.contact(id))).isEqualTo(new Consent(false, false, Set.of()));
        crm.update(EntityRef.contact(id), Map.of("emailAddressIsOptedOut", true, "doNotCall", true));
        crm.setTargetListOptOut(EntityRef.contact(id), list, true);
        assertThat(crm.consent(EntityRef.contact(id))).isEqualTo(new Consent(true, true, Set.of(list)));
        Contact contact = crm.findContact(id).orElseThrow();
        assertThat(contact.emailOptedOut()).isTrue();
        assertThat(contact.doNotCall()).isTrue();
        crm.setTargetListOptOut(EntityRef.contact(id), list, false);
        assertThat(crm.consent(EntityRef.contact(id)).optedOutTargetListIds()).isEmpty();
    }

    @Test
    void emailTemplatesKeepBodyIsHtmlAndCategory() {
        String id = crm.createEmailTemplate(new EmailTemplate(null, "Relance " + unique, "Votre devis",
                "<p>Bonjour {Lead.firstName}</p>", true, null, null));
        assertThat(crm.emailTemplates()).anySatisfy(t -> {
            assertThat(t.id()).isEqualTo(id);
            assertThat(t.body()).isEqualTo("<p>Bonjour {Lead.firstName}</p>");
            assertThat(t.isHtml()).isTrue();
            assertThat(t.subject()).isEqualTo("Votre devis");
        });
    }

    @Test
    void aTemplateCategoryIsFoundByNameOrCreatedOnceAndFilesTemplates() {
        String first = crm.emailTemplateCategory("Créa " + unique);
        assertThat(crm.emailTemplateCategory(" Créa " + unique + " ")).isEqualTo(first);
        assertThat(crm.emailTemplateCategory("Autre " + unique)).isNotEqualTo(first);
        String id = crm.createEmailTemplate(new EmailTemplate(null, "Classé " + unique, "Objet", "<p>x</p>", true, first, null));
        assertThat(crm.emailTemplates()).filteredOn(t -> t.id().equals(id)).singleElement()
                .satisfies(t -> assertThat(t.categoryId()).isEqualTo(first));
        assertThatThrownBy(() -> crm.emailTemplateCategory(" ")).isInstanceOf(CrmValidationException.class);
    }

    @Test
    void deleteIsSoft() {
        String id = crm.create("Lead", lead("Del", "Soft" + unique, null), false);
        crm.delete(EntityRef.lead(id));
        assertThat(crm.findLead(id)).isEmpty();
        assertThatThrownBy(() -> crm.delete(EntityRef.lead(id))).isInstanceOf(CrmNotFoundException.class);
        assertThat(crm.searchLeads(CrmQuery.all(10).withText("soft" + unique)).items()).isEmpty();
    }

    @Test
    void contactsSearchAndRead() {
        Map<String, Object> a = new HashMap<>();
        a.put("firstName", "Inès");
        a.put("lastName", "Contact" + unique);
        a.put("cTags", List.of("client"));
        String id = crm.create("Contact", a, false);
        assertThat(crm.searchContacts(CrmQuery.all(10).withText("contact" + unique).withAnyTags("client")).items())
                .singleElement().satisfies(c -> {
                    assertThat(c.id()).isEqualTo(id);
                    assertThat(c.tags()).containsExactly("client");
                });
    }
}
