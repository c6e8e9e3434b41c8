package fr.macrea.max.plugins.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContributionRulesTest {

    static final String WORKFLOW = "n8n/relance.json";

    static BrainContributions valid() {
        return contributions(
                FieldPlan.Field.of("cIncoterm", "enum", Label.of("Incoterm", "Incoterm"), "Exécution du contrat", "EXW", "FOB"),
                new CreativeTemplate("devis", Label.of("Devis", "Quote"), Channel.EMAIL, "Votre devis {Lead.firstName}",
                        "Bonjour {Lead.firstName},\nvoici votre devis.", "professionnel"),
                WORKFLOW);
    }

    static BrainContributions contributions(FieldPlan.Field field, CreativeTemplate template, String workflow) {
        FieldPlan plan = new FieldPlan(List.of(new FieldPlan.EntityFields("Lead", List.of(field))),
                List.of(new FieldPlan.Pipeline("devis-livraison", Label.of("Devis", "Quote"), "Lead", "cIncoterm",
                        List.of(new FieldPlan.Stage("devis", Label.of("Devis", "Quote"), 10)))),
                List.of(new FieldPlan.Tag("urgent", Label.of("Urgent", "Urgent"))),
                List.of(new FieldPlan.View("a-relancer", Label.of("À relancer", "To follow up"), "Lead",
                        List.of("name", "cIncoterm"), List.of(Criterion.of("modifiedAt", Criterion.Operator.OLDER_THAN_DAYS, "5")))));
        Scenario scenario = new Scenario("relance", Label.of("Relance", "Follow-up"), Label.of("d", "d"),
                Scenario.Trigger.created("Lead"), Duration.ofDays(3), List.of(), Channel.EMAIL, template.id(),
                CostCategory.AUTO_FOLLOW_UP, Mode.ASSISTE, workflow);
        KpiDefinition kpi = KpiDefinition.count("leads", Label.of("Leads", "Leads"), "Lead", KpiDefinition.Period.LAST_30_DAYS);
        SuggestionRoutine suggestion = new SuggestionRoutine("inactifs", Label.of("{count} leads", "{count} leads"), "Lead",
                List.of(Criterion.of("modifiedAt", Criterion.Operator.OLDER_THAN_DAYS, "5")), 1,
                new SuggestionRoutine.ProposedAction(SuggestionRoutine.ProposedAction.Kind.RUN_SCENARIO, "relance",
                        Label.of("Relancer", "Follow up"), Mode.ASSISTE));
        return new BrainContributions(Label.of("Test", "Test"), Label.of("t", "t"), plan, List.of(template),
                List.of(kpi), List.of(scenario), List.of(suggestion));
    }

    @Test
    void accepts_well_formed_contributions() {
        assertThat(ContributionRules.check(valid())).isEmpty();
    }

    @Test
    void refuses_an_illegal_field_name_with_its_reason() {
        var field = FieldPlan.Field.of("incoterm; DROP TABLE lead", "varchar", Label.of("x", "x"), "contrat");
        var c = contributions(field, valid().templates().getFirst(), WORKFLOW);
        assertThat(ContributionRules.check(c)).anySatisfy(v -> {
            assertThat(v.where()).isEqualTo("fieldPlan.entities[Lead].fields[incoterm; DROP TABLE lead]");
            assertThat(v.fr()).contains("nom de champ illégal");
        });
    }

    @Test
    void refuses_an_unknown_field_type_and_options_on_a_plain_field() {
        var field = new FieldPlan.Field("cPoids", "weight", Label.of("Poids", "Weight"), List.of("a"), "contrat", false);
        var violations = ContributionRules.check(contributions(field, valid().templates().getFirst(), WORKFLOW));
        assertThat(violations).extracting(ContributionRules.Violation::fr)
                .anyMatch(s -> s.contains("type de champ EspoCRM inconnu « weight »"))
                .anyMatch(s -> s.contains("options sur un champ"));
    }

    @Test
    void refuses_malformed_placeholders_and_unbalanced_braces() {
        var template = new CreativeTemplate("devis", Label.of("Devis", "Quote"), Channel.EMAIL, "Objet {lead.first name}",
                "Bonjour {Lead.firstName", "");
        var violations = ContributionRules.check(contributions(valid().fieldPlan().entities().getFirst().fields().getFirst(),
                template, WORKFLOW));
        assertThat(violations).extracting(ContributionRules.Violation::where)
                .contains("templates[devis].subject", "templates[devis].body");
    }

    @Test
    void a_workflow_resource_is_optional_and_must_be_a_relative_json_path_inside_the_jar() {
        var field = valid().fieldPlan().entities().getFirst().fields().getFirst();
        var template = valid().templates().getFirst();
        assertThat(ContributionRules.check(contributions(field, template, ""))).isEmpty();
        for (String bad : new String[]{"/etc/passwd.json", "../platform/x.json", "n8n/relance.xml", "{\"nodes\":[]}"}) {
            assertThat(ContributionRules.check(contributions(field, template, bad))).as(bad)
                    .singleElement().satisfies(v -> {
                        assertThat(v.where()).isEqualTo("scenarios[relance].n8nWorkflowResource");
                        assertThat(v.fr()).startsWith("chemin de ressource illégal");
                    });
        }
    }

    @Test
    void refuses_duplicate_ids() {
        var base = valid();
        var twice = new BrainContributions(base.name(), base.description(), base.fieldPlan(),
                List.of(base.templates().getFirst(), base.templates().getFirst()), base.kpis(), base.scenarios(),
                base.suggestions());
        assertThat(ContributionRules.check(twice)).extracting(ContributionRules.Violation::fr)
                .containsExactly("identifiant en double « devis »");
    }

    @Test
    void contributions_are_immutable_copies() {
        var templates = new java.util.ArrayList<>(valid().templates());
        var base = valid();
        var c = new BrainContributions(base.name(), base.description(), base.fieldPlan(), templates, base.kpis(),
                base.scenarios(), base.suggestions());
        templates.clear();
        assertThat(c.templates()).hasSize(1);
    }
}
