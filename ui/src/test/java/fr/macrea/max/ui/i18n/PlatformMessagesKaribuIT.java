package fr.macrea.max.ui.i18n;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.html.Span;
import fr.macrea.max.brain.BrainActivationChanged;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.CrmRecordChanged;
import fr.macrea.max.crm.CrmValidationException;
import fr.macrea.max.plugins.api.Label;
import fr.macrea.max.ui.base.Messages;
import org.jooq.DSLContext;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.event.FeedEvent;
import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.ranking.LeadRow;
import fr.macrea.max.reporting.CrmFixtures;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.AddOn;
import fr.macrea.max.tenant.CrmMode;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.KaribuIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Platform services return message keys; the views render them in the user's language. Each case shows the same
 * screen in English and in French: what the English UI showed in French before (issue 9, §1).
 */
class PlatformMessagesKaribuIT extends KaribuIT {

    @Autowired
    TenantService tenantService;
    @Autowired
    TenantDsl tenantDsl;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    CrmGateway crm;
    @Autowired
    DSLContext dsl;

    /** The error shown on the identifier field (the console puts a tenant's form errors on the field they are about). */
    private static String slugError() {
        TextField slug = _get(TextField.class, s -> s.withId("new-tenant-slug"));
        assertThat(slug.isInvalid()).as("the identifier field is marked invalid").isTrue();
        return slug.getErrorMessage();
    }

    private void createTenantWithBadSlug() {
        signInPlatformAdmin();
        UI.getCurrent().navigate("console");
        _get(TextField.class, s -> s.withId("new-tenant-name")).setValue("Studio Nord");
        _get(TextField.class, s -> s.withId("new-tenant-slug")).setValue("9-mauvais");
        _click(_get(Button.class, s -> s.withId("create-tenant")));
    }

    @Test
    void an_invalid_tenant_identifier_is_explained_in_english_in_the_english_console() {
        inEnglish();
        createTenantWithBadSlug();
        assertThat(slugError()).isEqualTo("Invalid tenant identifier: \"9-mauvais\" (lower-case letters, digits and _, "
                + "2 to 40 characters, starting with a letter).");
    }

    @Test
    void an_invalid_tenant_identifier_is_explained_in_french_in_the_french_console() {
        createTenantWithBadSlug();
        assertThat(slugError()).isEqualTo("Identifiant de tenant invalide : « 9-mauvais » (lettres minuscules, chiffres "
                + "et _, 2 à 40 caractères, commence par une lettre).");
    }

    @SuppressWarnings("unchecked")
    private CheckboxGroup<AddOn> addOnsOfTheNewTenantForm() {
        return _get(CheckboxGroup.class);
    }

    @Test
    void add_on_names_follow_the_language() {
        inEnglish();
        signInPlatformAdmin();
        UI.getCurrent().navigate("console");
        assertThat(addOnsOfTheNewTenantForm().getItemLabelGenerator().apply(AddOn.VOIX_IA)).isEqualTo("AI calls (1 h / month)");
        UI.getCurrent().setLocale(java.util.Locale.FRENCH);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("console");
        assertThat(addOnsOfTheNewTenantForm().getItemLabelGenerator().apply(AddOn.VOIX_IA)).isEqualTo("Appels IA (1 h / mois)");
    }

    private Tenant tenantWithOneLead() {
        Tenant tenant = TestTenants.create(tenantService, "Langues " + System.nanoTime(), Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        new CrmFixtures(tenantDsl.crm()).lead("Alice", "Dupont", "In Process", "Web Site", yesterday, yesterday,
                "alice@exemple.fr", null, false);
        TestTenants.signOut();
        return tenant;
    }

    @SuppressWarnings("unchecked")
    private String rankingReasons() {
        Grid<LeadRow> ranking = _get(Grid.class, s -> s.withId("crm-ranking"));
        return GridKt._getFormatted(ranking, 0, "reasons");
    }

    @Test
    void ranking_reasons_are_in_english_in_the_english_crm_tab() {
        Tenant tenant = tenantWithOneLead();
        inEnglish();
        signInAndOpen(TestTenants.member(tenant, Role.TENANT_USER), "crm");
        assertThat(rankingReasons()).contains("Activity 1 day ago", "Status in process", "Source Web Site")
                .doesNotContain("Activité", "Statut");
    }

    @Test
    void ranking_reasons_are_in_french_in_the_french_crm_tab() {
        Tenant tenant = tenantWithOneLead();
        signInAndOpen(TestTenants.member(tenant, Role.TENANT_USER), "crm");
        assertThat(rankingReasons()).contains("Activité il y a 1 jour", "Statut en cours", "Source Site internet");
    }

    private java.util.List<String> suggestionTitles() {
        return com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.html.Span.class,
                        spec -> spec.withClasses("reporting-suggestion-title")).stream()
                .map(com.vaadin.flow.component.html.Span::getText).toList();
    }

    @Test
    void a_suggestion_reads_in_english_in_the_english_reporting_tab_and_in_french_in_the_french_one() {
        Tenant tenant = TestTenants.create(tenantService, "Relances " + System.nanoTime(), Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10));
        new CrmFixtures(tenantDsl.crm()).lead("Bruno", "Martin", "Assigned", "Partner", tenDaysAgo, tenDaysAgo,
                "bruno@exemple.fr", null, false);
        TestTenants.signOut();
        inEnglish();
        signInAndOpen(TestTenants.member(tenant, Role.TENANT_USER), "reporting");
        assertThat(suggestionTitles()).contains("1 lead not followed up for 5 days");
        UI.getCurrent().setLocale(java.util.Locale.FRENCH);
        UI.getCurrent().navigate("crm");
        UI.getCurrent().navigate("reporting");
        assertThat(suggestionTitles()).contains("1 lead non relancé depuis 5 jours");
    }

    private String feedLineOfACrmChangeFromEspoCrm(boolean english) throws InterruptedException {
        return feedLine(english, tenant -> new CrmRecordChanged(tenant.id(), "crm.lead.updated",
                "Fiche lead L42 modifiée.", Instant.now(), EntityRef.lead("L42"), "espocrm"));
    }

    /** The first line of the activity feed of a new tenant after {@code event} of that tenant was published. */
    private String feedLine(boolean english, java.util.function.Function<Tenant, Object> event)
            throws InterruptedException {
        Tenant tenant = TestTenants.create(tenantService, "Fil " + System.nanoTime(), Plan.PRO);
        events.publishEvent(event.apply(tenant));
        if (english) {
            inEnglish();
        }
        signInAndOpen(TestTenants.member(tenant, Role.TENANT_USER), "activite");
        @SuppressWarnings("unchecked")
        Grid<FeedEvent> grid = _get(Grid.class, s -> s.withId("activity-grid"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (GridKt._size(grid) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            UI.getCurrent().navigate("crm");
            UI.getCurrent().navigate("activite");
            grid = _get(Grid.class, s -> s.withId("activity-grid"));
        }
        return GridKt._getFormatted(grid, 0, "summary");
    }

    @Test
    void a_crm_change_reads_in_english_in_the_english_activity_feed() throws InterruptedException {
        assertThat(feedLineOfACrmChangeFromEspoCrm(true)).isEqualTo("Lead L42 updated in EspoCRM.");
    }

    @Test
    void a_crm_change_reads_in_french_in_the_french_activity_feed() throws InterruptedException {
        assertThat(feedLineOfACrmChangeFromEspoCrm(false)).isEqualTo("Fiche lead L42 modifiée dans EspoCRM.");
    }

    private String refusalOfAnInvalidEmail() {
        Tenant tenant = TestTenants.create(tenantService, "Courriel " + System.nanoTime(), Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        CrmValidationException refusal = catchThrowableOfType(CrmValidationException.class, () -> crm.create("Lead",
                Map.of("lastName", "Durand", "emailAddress", "pas-un-courriel"), true));
        return Messages.text(UI.getCurrent(), refusal);
    }

    @Test
    void the_crm_service_refuses_an_invalid_email_in_the_language_of_the_user() {
        inEnglish();
        assertThat(refusalOfAnInvalidEmail()).isEqualTo("Invalid e-mail address: \"pas-un-courriel\".");
        UI.getCurrent().setLocale(java.util.Locale.FRENCH);
        assertThat(refusalOfAnInvalidEmail()).isEqualTo("Adresse e-mail invalide : « pas-un-courriel ».");
    }

    /** An EspoCRM-mode tenant whose last pull of leads failed because EspoCRM did not answer. */
    private Tenant tenantWhoseLastSyncFailed() {
        Tenant tenant = TestTenants.create(tenantService, "Synchro " + System.nanoTime(), Plan.PRO);
        signInPlatformAdmin();
        tenantService.changeCrmMode(tenant.id(), CrmMode.ESPOCRM);
        TestTenants.signOut();
        // the row as CrmSync stores it: the error is a message (key + arguments), not a sentence
        dsl.execute("insert into crm_sync_status (tenant_id, entity_type, last_attempt_at, last_error, records_synced) "
                        + "values (?, 'Lead', ?, ?, 0)", tenant.id().value(), LocalDateTime.now().withNano(0),
                "{\"key\":\"crm.espo.unavailable\",\"args\":[{\"key\":\"crm.espo.detail.status\",\"args\":[502]}]}");
        return tenant;
    }

    private String syncStatusLine() {
        return _get(Span.class, s -> s.withClasses("crm-sync-error")).getText();
    }

    @Test
    void a_failed_crm_sync_is_explained_in_english_in_the_english_crm_tab() {
        Tenant tenant = tenantWhoseLastSyncFailed();
        inEnglish();
        signInAndOpen(TestTenants.member(tenant, Role.TENANT_USER), "crm");
        assertThat(syncStatusLine()).isEqualTo(
                "EspoCRM Lead: sync error — EspoCRM is not responding (error 502): try again later, nothing was changed.");
    }

    @Test
    void a_failed_crm_sync_is_explained_in_french_in_the_french_crm_tab() {
        Tenant tenant = tenantWhoseLastSyncFailed();
        signInAndOpen(TestTenants.member(tenant, Role.TENANT_USER), "crm");
        assertThat(syncStatusLine()).isEqualTo("EspoCRM Lead : erreur de synchronisation — EspoCRM ne répond pas "
                + "(erreur 502) : réessayez plus tard, rien n'a été modifié.");
    }

    private String feedLineOfABrainActivation(boolean english) throws InterruptedException {
        return feedLine(english, tenant -> new BrainActivationChanged(tenant.id(), "immo",
                Label.of("Immobilier", "Real estate"), true, Instant.now()));
    }

    @Test
    void a_brain_activation_reads_in_english_in_the_english_activity_feed() throws InterruptedException {
        assertThat(feedLineOfABrainActivation(true)).isEqualTo("Brain \"Real estate\" activated for this tenant.");
    }

    @Test
    void a_brain_activation_reads_in_french_in_the_french_activity_feed() throws InterruptedException {
        assertThat(feedLineOfABrainActivation(false)).isEqualTo("Cerveau « Immobilier » activé pour ce tenant.");
    }
}
