package fr.macrea.max.fields;

import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.ActionRefusedException;
import fr.macrea.max.action.ActionService;
import fr.macrea.max.action.ActionStatus;
import fr.macrea.max.action.Mode;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.action.UndoResult;
import fr.macrea.max.brain.BrainActivationService;
import fr.macrea.max.brain.BrainJars;
import fr.macrea.max.crm.CrmCustomFields;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.CrmQuery;
import fr.macrea.max.crm.CrmValidationException;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.kpi.KpiService;
import fr.macrea.max.plugins.api.Criterion;
import fr.macrea.max.plugins.api.Criterion.Operator;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.AddOn;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.wallet.WalletService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fields Rebuild end to end on a real schema, through the service a screen calls: a test brain's field plan (every
 * column type M.A.X. adds) proposed, validated, applied, read back by the CRM, the KPIs and the views, failed at
 * step k and reversed, interrupted by a crash (its heartbeat stops) and reversed by the recovery job, undone with and without data, refused to
 * Standard tenants, to Conseil and to another tenant. The same cases run on MariaDB and on H2.
 */
@Import(FieldsRebuildCases.Faults.class)
abstract class FieldsRebuildCases {

    static final Path BRAINS = brains();
    static final int FIELDS = 8;

    @DynamicPropertySource
    static void brainsFolder(DynamicPropertyRegistry registry) {
        registry.add("max.brains.dir", BRAINS::toString);
        registry.add("max.brains.watch", () -> "false");
        registry.add("max.crm.sync.scheduled", () -> "false");
    }

    @Autowired
    TenantService tenants;
    @Autowired
    BrainActivationService activations;
    @Autowired
    FieldsRebuildService fields;
    @Autowired
    CrmCustomFields custom;
    @Autowired
    CrmGateway crm;
    @Autowired
    KpiService kpis;
    @Autowired
    WalletService wallet;
    @Autowired
    ActionService actions;
    @Autowired
    ModeService modes;
    @Autowired
    MigrationRecovery recovery;
    @Autowired
    Faults faults;

    Tenant tenant;

    @BeforeEach
    void aProTenantWithTheTestBrain() {
        tenant = TestTenants.create(tenants, "Fiche " + UUID.randomUUID().toString().substring(0, 6), Plan.PRO);
        SystemAuthentication.asPlatform(() -> {
            activations.activate(tenant.id(), "fichetest");
            return null;
        });
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        modes.set(Mode.ASSISTE);
        faults.clear();
    }

    @AfterEach
    void signOut() {
        faults.clear();
        TestTenants.signOut();
    }

    @Test
    void aValidatedPlanAddsTheFieldsThatTheCrmTheKpisAndTheViewsThenUse() {
        MigrationProject preview = fields.preview("fichetest");
        assertThat(preview.fieldsToAdd()).hasSize(FIELDS);
        assertThat(preview.fieldsToAdd()).filteredOn(f -> f.name().equals("cMontantDevis")).singleElement()
                .satisfies(f -> assertThat(String.join("\n", f.changes())).containsIgnoringCase("c_montant_devis")
                        .containsIgnoringCase("c_montant_devis_currency").containsIgnoringCase("double"));
        assertThat(preview.cost()).isEqualTo(20);
        int before = wallet.balance().total();

        MigrationProject draft = fields.propose("fichetest", "key-" + UUID.randomUUID()).result();
        assertThat(draft.status()).isEqualTo(MigrationStatus.DRAFT);
        assertThat(actions.drafts()).anySatisfy(d -> assertThat(d.id()).isEqualTo(draft.draftId()));
        assertThat(custom.liveColumns("Lead")).as("nothing runs before validation").isEmpty();
        assertThat(wallet.balance().total()).isEqualTo(before);

        assertThatThrownBy(() -> fields.apply(draft.id(), FIELDS - 1)).isInstanceOf(ActionRefusedException.class);
        assertThatThrownBy(() -> actions.validateDraft(draft.draftId()))
                .as("the inbox cannot skip the field-count confirmation").isInstanceOf(ActionRefusedException.class);
        ActionOutcome<Object> outcome = fields.apply(draft.id(), FIELDS);

        assertThat(outcome.status()).isEqualTo(ActionStatus.COMPLETED);
        assertThat(outcome.cost()).isEqualTo(20);
        assertThat(wallet.balance().total()).isEqualTo(before - 20);
        MigrationProject applied = fields.project(draft.id()).orElseThrow();
        assertThat(applied.status()).isEqualTo(MigrationStatus.APPLIED);
        assertThat(applied.steps()).allSatisfy(s -> assertThat(s.state()).isEqualTo(StepState.APPLIED));
        assertThat(custom.liveColumns("Lead")).contains("c_poids_kg", "c_statut_colis", "c_type_marchandise", "c_dtd",
                "c_montant_devis", "c_montant_devis_currency", "c_date_devis", "c_numero_suivi", "c_prochain_rdv");

        String lead = crm.create("Lead", Map.of("firstName", "Hugo", "lastName", "Chevalier", "cPoidsKg", 12.5,
                "cStatutColis", "en_transit", "cTypeMarchandise", List.of("palette"), "cDtd", true,
                "cDateDevis", "2026-11-20", "cNumeroSuivi", "FR-123"), true);
        crm.create("Lead", Map.of("firstName", "Léa", "lastName", "Martin", "cStatutColis", "livre"), true);
        Map<String, Object> card = crm.readAttributes(EntityRef.lead(lead),
                Set.of("cPoidsKg", "cStatutColis", "cTypeMarchandise", "cDtd", "cDateDevis", "cNumeroSuivi"));
        assertThat(card).containsEntry("cPoidsKg", 12.5).containsEntry("cStatutColis", "en_transit")
                .containsEntry("cDtd", true).containsEntry("cDateDevis", "2026-11-20").containsEntry("cNumeroSuivi", "FR-123");
        assertThat(crm.searchLeads(CrmQuery.all(10).withText("chevalier")).items()).hasSize(1);
        assertThatThrownBy(() -> crm.update(EntityRef.lead(lead), Map.of("cStatutColis", "perdu")))
                .as("an enum value outside the plan's options").isInstanceOf(CrmValidationException.class);

        assertThat(kpis.countMatching("Lead", List.of(Criterion.of("cStatutColis", Operator.EQUALS, "livre")))).isEqualTo(1);
        assertThat(kpis.countMatching("Lead", List.of(Criterion.of("cTypeMarchandise", Operator.HAS, "palette")))).isEqualTo(1);
        assertThat(kpis.countMatching("Lead", List.of(Criterion.of("cPoidsKg", Operator.GREATER_THAN, "10")))).isEqualTo(1);
        assertThat(custom.views("Lead")).singleElement().satisfies(v -> {
            assertThat(v.id()).isEqualTo("fichetest:colis-en-cours");
            assertThat(v.columns()).contains("cNumeroSuivi");
        });
        assertThat(custom.fields("Lead")).extracting(f -> f.name()).contains("cPoidsKg", "cStatutColis");
        assertThat(custom.tagOptions("Lead")).contains("urgent", "international");
    }

    @Test
    void aFailureAtStepKReversesStepsOneToKMinusOneAndRefunds() {
        MigrationProject draft = fields.propose("fichetest", "key-" + UUID.randomUUID()).result();
        int before = wallet.balance().total();
        faults.failAt(4);

        ActionOutcome<Object> outcome = fields.apply(draft.id(), FIELDS);

        assertThat(outcome.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(outcome.cost()).isZero();
        assertThat(wallet.balance().total()).isEqualTo(before);
        assertThat(custom.liveColumns("Lead")).as("the schema is as before").isEmpty();
        assertThat(custom.fields("Lead")).isEmpty();
        MigrationProject failed = fields.project(draft.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(MigrationStatus.FAILED);
        assertThat(failed.steps().subList(0, 4)).allSatisfy(s -> assertThat(s.state()).isEqualTo(StepState.REVERSED));
        assertThat(failed.steps().get(3).error()).isNotNull();
        assertThat(failed.steps().subList(4, failed.steps().size()))
                .allSatisfy(s -> assertThat(s.state()).isEqualTo(StepState.PENDING));
        assertThat(failed.error().key()).isEqualTo("fields.apply.failed");
        assertThat(failed.error().args().subList(0, 2)).map(String::valueOf)
                .containsExactly("4", String.valueOf(failed.steps().size()));
    }

    @Test
    void aCrashBetweenStepsIsFoundAtStartAndReversed() {
        MigrationProject draft = fields.propose("fichetest", "key-" + UUID.randomUUID()).result();
        faults.crashAt(3);

        fields.apply(draft.id(), FIELDS);

        MigrationProject interrupted = fields.project(draft.id()).orElseThrow();
        assertThat(interrupted.status()).isEqualTo(MigrationStatus.APPLYING);
        assertThat(interrupted.appliedSteps()).isEqualTo(2);
        assertThat(custom.liveColumns("Lead")).isNotEmpty();

        assertThat(recovery.recoverCurrentTenant(Instant.now().minus(MigrationRecovery.STALE_AFTER)))
                .as("its heartbeat is fresh: another node may still be applying it").isZero();
        assertThat(fields.project(draft.id()).orElseThrow().status()).isEqualTo(MigrationStatus.APPLYING);

        // the heartbeat stopped with the "process": once it is stale, the recovery job reverses the project
        assertThat(recovery.recoverCurrentTenant(Instant.now().plus(MigrationRecovery.STALE_AFTER))).isEqualTo(1);

        MigrationProject recovered = fields.project(draft.id()).orElseThrow();
        assertThat(recovered.status()).isEqualTo(MigrationStatus.FAILED);
        assertThat(recovered.error().key()).isEqualTo("fields.recovered");
        assertThat(custom.liveColumns("Lead")).isEmpty();
    }

    @Test
    void undoWithoutDataDropsTheFieldsAndRefunds() {
        MigrationProject draft = fields.propose("fichetest", "key-" + UUID.randomUUID()).result();
        int before = wallet.balance().total();
        fields.apply(draft.id(), FIELDS);
        crm.create("Lead", Map.of("firstName", "Sans", "lastName", "Valeur"), true);
        assertThat(fields.undoCheck(draft.id()).dataWritten()).isFalse();

        UndoResult undone = fields.undo(draft.id(), false);

        assertThat(undone.outcome()).isEqualTo(UndoResult.Outcome.UNDONE);
        assertThat(undone.refundedTokens()).isEqualTo(20);
        assertThat(wallet.balance().total()).isEqualTo(before);
        assertThat(custom.liveColumns("Lead")).isEmpty();
        assertThat(custom.views("Lead")).isEmpty();
        assertThat(fields.project(draft.id()).orElseThrow().status()).isEqualTo(MigrationStatus.UNDONE);
        assertThat(fields.backupCsv(draft.id())).isEmpty();
        assertThatThrownBy(() -> fields.undo(draft.id(), true)).isInstanceOf(ActionRefusedException.class);
    }

    @Test
    void undoWithDataWrittenAsksFirstThenKeepsTheValuesAsCsv() {
        MigrationProject draft = fields.propose("fichetest", "key-" + UUID.randomUUID()).result();
        fields.apply(draft.id(), FIELDS);
        Map<String, Object> values = new HashMap<>(Map.of("firstName", "Avec", "lastName", "Valeur", "cPoidsKg", 7.25,
                "cNumeroSuivi", "COLIS-42, \"fragile\""));
        String lead = crm.create("Lead", values, true);

        UndoCheck check = fields.undoCheck(draft.id());
        assertThat(check.filledByField()).containsEntry("cPoidsKg", 1L).containsEntry("cNumeroSuivi", 1L)
                .containsEntry("cDtd", 0L);
        UndoResult asked = fields.undo(draft.id(), false);
        assertThat(asked.outcome()).isEqualTo(UndoResult.Outcome.NEEDS_OVERWRITE_CONFIRMATION);
        assertThat(custom.liveColumns("Lead")).as("nothing dropped before the confirmation").contains("c_poids_kg");

        UndoResult undone = fields.undo(draft.id(), true);

        assertThat(undone.outcome()).isEqualTo(UndoResult.Outcome.UNDONE);
        assertThat(custom.liveColumns("Lead")).isEmpty();
        String csv = fields.backupCsv(draft.id()).orElseThrow();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("entity,id,");
        assertThat(csv).contains(lead).contains("7.25").contains("\"COLIS-42, \"\"fragile\"\"\"");
    }

    @Test
    void aDoubleClickMakesOneDraftAndConseilRefuses() {
        String key = "key-" + UUID.randomUUID();
        MigrationProject first = fields.propose("fichetest", key).result();
        MigrationProject again = fields.propose("fichetest", key).result();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(fields.history()).hasSize(1);

        modes.set(Mode.CONSEIL);
        assertThatThrownBy(() -> fields.propose("fichetest", "key-" + UUID.randomUUID()))
                .isInstanceOf(ActionRefusedException.class);
    }

    @Test
    void aStandardTenantSeesThePlanLockedAndCannotApplyIt() {
        Tenant standard = TestTenants.create(tenants, "Standard " + UUID.randomUUID().toString().substring(0, 6),
                Plan.STANDARD);
        TestTenants.signInAs(standard, Role.TENANT_ADMIN);
        assertThat(fields.plans()).filteredOn(p -> p.brainId().equals("fichetest")).singleElement()
                .satisfies(p -> {
                    assertThat(p.applicable()).isFalse();
                    assertThat(p.locked().key()).isEqualTo("wallet.right.unlocked-by.add-on");
                });
        assertThat(fields.preview("fichetest").fieldsToAdd()).hasSize(FIELDS);
        assertThatThrownBy(() -> fields.propose("fichetest", "key-" + UUID.randomUUID()))
                .isInstanceOf(ActionRefusedException.class);
        assertThat(custom.liveColumns("Lead")).isEmpty();

        Tenant withAddOn = TestTenants.create(tenants, "Zen " + UUID.randomUUID().toString().substring(0, 6),
                Plan.STANDARD, AddOn.FICHE_METIER);
        TestTenants.signInAs(withAddOn, Role.TENANT_ADMIN);
        assertThat(fields.plans()).as("not activated for that tenant").isEmpty();
    }

    @Test
    void tenantBNeitherSeesNorAppliesTheProjectsOfTenantA() {
        MigrationProject draft = fields.propose("fichetest", "key-" + UUID.randomUUID()).result();
        Tenant b = TestTenants.create(tenants, "Autre " + UUID.randomUUID().toString().substring(0, 6), Plan.PRO);
        SystemAuthentication.asPlatform(() -> {
            activations.activate(b.id(), "fichetest");
            return null;
        });
        TestTenants.signInAs(b, Role.TENANT_ADMIN);

        assertThat(fields.history()).isEmpty();
        assertThat(fields.project(draft.id())).isEmpty();
        assertThatThrownBy(() -> fields.apply(draft.id(), FIELDS)).isInstanceOf(ActionRefusedException.class);
        assertThatThrownBy(() -> fields.undo(draft.id(), true)).isInstanceOf(ActionRefusedException.class);
        assertThat(recovery.recoverCurrentTenant(Instant.now().plus(MigrationRecovery.STALE_AFTER))).isZero();

        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        assertThat(fields.apply(draft.id(), FIELDS).status()).isEqualTo(ActionStatus.COMPLETED);
        TestTenants.signInAs(b, Role.TENANT_ADMIN);
        assertThat(custom.liveColumns("Lead")).as("B's schema is untouched").isEmpty();
    }

    @Test
    void aTenantUserCannotProposeNorApply() {
        MigrationProject draft = fields.propose("fichetest", "key-" + UUID.randomUUID()).result();
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        assertThat(fields.preview("fichetest").fieldsToAdd()).hasSize(FIELDS);
        assertThatThrownBy(() -> fields.apply(draft.id(), FIELDS))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> fields.propose("fichetest", "key-" + UUID.randomUUID()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    /** Injects a failure, or a crash (an Error nothing catches, leaving the states a killed process leaves). */
    @TestConfiguration
    static class Faults implements StepObserver {

        private volatile int failAt;
        private volatile int crashAt;

        @Bean
        Faults faults() {
            return this;
        }

        void failAt(int step) {
            failAt = step;
        }

        void crashAt(int step) {
            crashAt = step;
        }

        void clear() {
            failAt = 0;
            crashAt = 0;
        }

        @Override
        public void beforeStep(long projectId, MigrationStep step) {
            if (step.index() == failAt) {
                throw new IllegalStateException("panne simulée à l'étape " + step.index());
            }
            if (step.index() == crashAt) {
                throw new SimulatedCrash();
            }
        }
    }

    static final class SimulatedCrash extends Error {
    }

    private static Path brains() {
        try {
            Path dir = Files.createTempDirectory("fields-brains");
            BrainJars.fromSource(dir, "fichetest", "testbrains.fiche.TestBrain", """
                    import fr.macrea.max.plugins.api.*;
                    import fr.macrea.max.plugins.api.FieldPlan.Field;
                    import java.util.List;

                    @org.pf4j.Extension
                    public class TestBrain implements Brain {
                        @Override
                        public BrainContributions contribute(BrainContext context) {
                            String p = "Exécution du contrat (art. 6.1.b RGPD)";
                            List<Field> lead = List.of(
                                    Field.of("cPoidsKg", "float", Label.of("Poids (kg)", "Weight (kg)"), p),
                                    Field.of("cStatutColis", "enum", Label.of("Statut colis", "Parcel status"), p,
                                            "a_enlever", "en_transit", "livre", "incident"),
                                    Field.of("cTypeMarchandise", "multiEnum", Label.of("Marchandise", "Goods"), p,
                                            "palette", "colis"),
                                    Field.of("cDtd", "bool", Label.of("Porte-à-porte", "Door to door"), p),
                                    Field.of("cMontantDevis", "currency", Label.of("Montant du devis", "Quote amount"), p),
                                    Field.of("cDateDevis", "date", Label.of("Date du devis", "Quote date"), p),
                                    Field.of("cNumeroSuivi", "varchar", Label.of("Numéro de suivi", "Tracking number"), p),
                                    Field.of("cProchainRdv", "datetime", Label.of("Prochain RDV", "Next appointment"), p));
                            FieldPlan plan = FieldPlan.of(List.of(FieldPlan.EntityFields.of("Lead", lead)), List.of(),
                                    List.of(FieldPlan.Tag.of("urgent", Label.of("Urgent", "Urgent")),
                                            FieldPlan.Tag.of("international", Label.of("International", "International"))),
                                    List.of(FieldPlan.View.of("colis-en-cours", Label.of("Colis en cours", "Parcels in progress"),
                                            "Lead", List.of("name", "cNumeroSuivi", "cStatutColis"),
                                            List.of(Criterion.of("cStatutColis", Criterion.Operator.IN, "en_transit")))));
                            return BrainContributions.builder(Label.of("Fiche test", "Test record"), Label.of("Test", "Test"))
                                    .fieldPlan(plan).build();
                        }
                    }
                    """, BrainJars.Signer.DEV);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
