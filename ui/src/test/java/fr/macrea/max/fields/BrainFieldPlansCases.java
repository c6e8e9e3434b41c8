package fr.macrea.max.fields;

import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.ActionStatus;
import fr.macrea.max.action.Mode;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.brain.BrainActivationService;
import fr.macrea.max.brain.BrainCatalog;
import fr.macrea.max.brain.Contributed;
import fr.macrea.max.crm.CrmCustomFields;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.CustomField;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.crm.LeadPlaceholders;
import fr.macrea.max.kpi.KpiService;
import fr.macrea.max.kpi.KpiValue;
import fr.macrea.max.plugins.api.CreativeTemplate;
import fr.macrea.max.ranking.LeadFilter;
import fr.macrea.max.ranking.LeadSearchService;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The field plans of the four real vertical brains (the jars the build makes and signs), each applied to a fresh
 * tenant: every planned field exists afterwards with its type and options, the lead search and card read and write
 * it, the plan's views filter the CRM tab, the brain's KPIs that were unavailable compute, and its templates'
 * {@code {Lead.cXxx}} placeholders resolve. Run on MariaDB and on H2.
 */
abstract class BrainFieldPlansCases {

    static final Path BRAINS = BuiltBrains.FOLDER;

    @DynamicPropertySource
    static void brains(DynamicPropertyRegistry registry) {
        registry.add("max.brains.dir", BRAINS::toString);
        registry.add("max.brains.watch", () -> "false");
    }

    @Autowired
    TenantService tenants;
    @Autowired
    BrainActivationService activations;
    @Autowired
    BrainCatalog catalog;
    @Autowired
    FieldsRebuildService fields;
    @Autowired
    CrmCustomFields custom;
    @Autowired
    CrmGateway crm;
    @Autowired
    KpiService kpis;
    @Autowired
    LeadSearchService search;
    @Autowired
    LeadPlaceholders placeholders;
    @Autowired
    ModeService modes;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @ParameterizedTest
    @ValueSource(strings = {"logistique", "ecommerce", "beaute", "coaching"})
    void theBrainsPlanAppliedToAFreshTenantLightsUpTheCrmTheViewsTheKpisAndTheTemplates(String brain) {
        Tenant tenant = TestTenants.create(tenants, "Plan " + brain + " " + UUID.randomUUID().toString().substring(0, 5), Plan.PRO);
        SystemAuthentication.asPlatform(() -> {
            activations.activate(tenant.id(), brain);
            return null;
        });
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        modes.set(Mode.ASSISTE);
        List<KpiValue> before = kpis.activeKpis(Locale.FRENCH);

        MigrationProject draft = fields.propose(brain, "k-" + UUID.randomUUID()).result();
        int adding = draft.fieldsToAdd().size();
        assertThat(adding).isPositive();
        ActionOutcome<Object> outcome = fields.apply(draft.id(), adding);
        assertThat(outcome.status()).as(String.valueOf(outcome.message())).isEqualTo(ActionStatus.COMPLETED);

        Map<String, CustomField> now = new HashMap<>();
        custom.fields("Lead").forEach(f -> now.put(f.name(), f));
        for (FieldProposal planned : draft.fieldsToAdd()) {
            assertThat(now).containsKey(planned.name());
            assertThat(now.get(planned.name()).type()).isEqualTo(planned.type());
            assertThat(now.get(planned.name()).options()).isEqualTo(planned.options());
        }

        // a lead with a value in every list field of the plan, read back by the card and found by each view
        Map<String, Object> values = new HashMap<>(Map.of("firstName", "Camille", "lastName", "Plan" + brain));
        for (FieldProposal f : draft.fieldsToAdd()) {
            switch (f.type()) {
                case "enum" -> values.put(f.name(), f.options().getFirst());
                case "multiEnum" -> values.put(f.name(), List.of(f.options().getFirst()));
                case "float", "currency" -> values.put(f.name(), 42.5);
                case "int" -> values.put(f.name(), 3);
                case "varchar", "text" -> values.put(f.name(), "valeur " + f.name());
                default -> {
                }
            }
        }
        String lead = crm.create("Lead", values, true);
        Map<String, Object> card = crm.readAttributes(EntityRef.lead(lead), values.keySet());
        values.forEach((k, v) -> assertThat(card.get(k)).as(k).isEqualTo(v));
        List<fr.macrea.max.crm.SavedView> views = search.views();
        assertThat(views).hasSize(draft.views().size());
        for (var view : views) {
            // every view runs on the tenant's schema (its criteria name fields that exist now)
            assertThat(search.count(LeadFilter.none().withCriteria(view.filters()))).isGreaterThanOrEqualTo(0);
        }

        List<KpiValue> after = kpis.activeKpis(Locale.FRENCH);
        assertThat(after).as("every KPI of the brain computes once its fields exist").allSatisfy(k ->
                assertThat(k.available()).as(k.key() + " " + k.problem()).isTrue());
        assertThat(before.stream().filter(k -> !k.available()).count())
                .as("some KPIs needed the new fields").isPositive();

        List<Contributed<CreativeTemplate>> templates = catalog.templates().stream()
                .filter(t -> t.brainId().equals(brain) && t.item().body().contains("{Lead.c")).toList();
        assertThat(templates).isNotEmpty();
        for (Contributed<CreativeTemplate> t : templates) {
            LeadPlaceholders.Filled filled = placeholders.fill(t.item().body(), lead);
            assertThat(filled.unresolved()).as(t.key()).isEmpty();
            assertThat(filled.text()).doesNotContain("{Lead.");
        }
    }
}
