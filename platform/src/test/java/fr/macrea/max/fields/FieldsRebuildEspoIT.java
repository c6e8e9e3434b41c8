package fr.macrea.max.fields;

import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.ActionStatus;
import fr.macrea.max.action.Mode;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.brain.BrainActivationService;
import fr.macrea.max.crm.CrmConnectionService;
import fr.macrea.max.crm.CrmCustomFields;
import fr.macrea.max.crm.EspoCrmFake;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.CrmMode;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.wallet.WalletService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EspoCRM mode against the EspoCRM fake (its Field Manager answers from reference §1.7): one Field Manager call per
 * field with the name EspoCRM prefixes itself, then the rebuild, and the replica's columns; a field created in
 * EspoCRM since the proposal (409) or a non-admin API key (403) stops the migration, reverses it and refunds.
 */
class FieldsRebuildEspoIT extends PlatformIT {

    @DynamicPropertySource
    static void brainsFolder(DynamicPropertyRegistry registry) {
        registry.add("max.brains.dir", FieldsRebuildCases.BRAINS::toString);
        registry.add("max.brains.watch", () -> "false");
        registry.add("max.crm.sync.scheduled", () -> "false");
        registry.add("max.secrets.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    @Autowired
    TenantService tenants;
    @Autowired
    BrainActivationService activations;
    @Autowired
    CrmConnectionService connections;
    @Autowired
    FieldsRebuildService fields;
    @Autowired
    CrmCustomFields replica;
    @Autowired
    WalletService wallet;
    @Autowired
    ModeService modes;

    EspoCrmFake espo;

    @BeforeEach
    void aTenantOnEspoCrm() {
        espo = new EspoCrmFake();
        Tenant tenant = TestTenants.create(tenants, "Espo fiche " + UUID.randomUUID().toString().substring(0, 6), Plan.PRO);
        SystemAuthentication.asPlatform(() -> {
            activations.activate(tenant.id(), "fichetest");
            return null;
        });
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        connections.connectEspoCrm(espo.apiKeySettings());
        modes.set(Mode.ASSISTE);
        assertThat(tenants.current().crmMode()).isEqualTo(CrmMode.ESPOCRM);
    }

    @AfterEach
    void stop() {
        TestTenants.signOut();
        espo.close();
    }

    @Test
    void eachFieldIsOneFieldManagerCallThenARebuildAndTheReplicaGetsTheColumns() {
        espo.defineField("Lead", "cNumeroSuivi", "varchar");
        MigrationProject preview = fields.preview("fichetest");
        assertThat(preview.target()).isEqualTo(CrmMode.ESPOCRM);
        assertThat(preview.fields()).filteredOn(f -> f.name().equals("cNumeroSuivi")).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(FieldStatus.SAME));
        assertThat(preview.fieldsToAdd()).hasSize(FieldsRebuildCases.FIELDS - 1)
                .allSatisfy(f -> assertThat(f.changes().getFirst()).startsWith("POST /api/v1/Admin/fieldManager/Lead"));
        assertThat(preview.steps().getLast().kind()).isEqualTo(MigrationStep.Kind.REBUILD);

        MigrationProject draft = fields.propose("fichetest", "k-" + UUID.randomUUID()).result();
        ActionOutcome<Object> outcome = fields.apply(draft.id(), FieldsRebuildCases.FIELDS - 1);

        assertThat(outcome.status()).isEqualTo(ActionStatus.COMPLETED);
        assertThat(espo.fields("Lead")).containsKeys("cPoidsKg", "cStatutColis", "cMontantDevis", "cDtd");
        assertThat(espo.fields("Lead").get("cStatutColis")).containsEntry("type", "enum");
        assertThat(espo.fieldManagerCalls()).contains("POST /Admin/fieldManager/Lead", "POST /Admin/rebuild");
        assertThat(replica.liveColumns("Lead")).contains("c_poids_kg", "c_montant_devis_currency")
                .doesNotContain("c_numero_suivi");
    }

    @Test
    void aFieldCreatedInEspoCrmSinceTheProposalAnswers409AndTheMigrationIsReversed() {
        MigrationProject draft = fields.propose("fichetest", "k-" + UUID.randomUUID()).result();
        int before = wallet.balance().total();
        espo.defineField("Lead", "cDtd", "bool");

        ActionOutcome<Object> outcome = fields.apply(draft.id(), FieldsRebuildCases.FIELDS);

        assertThat(outcome.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(wallet.balance().total()).isEqualTo(before);
        MigrationProject failed = fields.project(draft.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(MigrationStatus.FAILED);
        assertThat(failed.steps()).filteredOn(s -> s.name().equals("cDtd")).singleElement()
                .satisfies(s -> assertThat(s.error().key()).isEqualTo("crm.espo.conflict"));
        assertThat(espo.fields("Lead")).doesNotContainKeys("cPoidsKg", "cStatutColis", "cTypeMarchandise")
                .as("the field the user made in EspoCRM stays").containsKey("cDtd");
        assertThat(replica.liveColumns("Lead")).isEmpty();
    }

    @Test
    void aNonAdminApiKeyAnswers403AndNothingIsCreatedOrCharged() {
        MigrationProject draft = fields.propose("fichetest", "k-" + UUID.randomUUID()).result();
        int before = wallet.balance().total();
        espo.nonAdminApiUser();

        ActionOutcome<Object> outcome = fields.apply(draft.id(), FieldsRebuildCases.FIELDS);

        assertThat(outcome.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(outcome.cost()).isZero();
        assertThat(wallet.balance().total()).isEqualTo(before);
        assertThat(fields.project(draft.id()).orElseThrow().steps().getFirst().error().key()).isEqualTo("crm.espo.forbidden");
        assertThat(espo.fields("Lead")).doesNotContainKey("cPoidsKg");
        assertThat(replica.liveColumns("Lead")).isEmpty();
    }

    @Test
    void anEspoCrmThatDoesNotPrefixCustomFieldsIsRefusedClearly() {
        MigrationProject draft = fields.propose("fichetest", "k-" + UUID.randomUUID()).result();
        espo.noCustomPrefix();

        ActionOutcome<Object> outcome = fields.apply(draft.id(), FieldsRebuildCases.FIELDS);

        assertThat(outcome.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(fields.project(draft.id()).orElseThrow().steps().getFirst().error().key()).isEqualTo("fields.espo.prefix");
        assertThat(espo.fields("Lead")).doesNotContainKeys("poidsKg", "cPoidsKg");
    }
}
