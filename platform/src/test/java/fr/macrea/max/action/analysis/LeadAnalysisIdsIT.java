package fr.macrea.max.action.analysis;

import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.ActionRefusedException;
import fr.macrea.max.action.ActionStatus;
import fr.macrea.max.action.Mode;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.security.Role;
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

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Analyse de leads" accepts exactly the ids the CRM accepts (CrmIds), on the real embedded CRM. */
class LeadAnalysisIdsIT extends PlatformIT {

    @Autowired
    TenantService tenants;
    @Autowired
    CrmGateway crm;
    @Autowired
    LeadAnalysisService analysis;
    @Autowired
    ModeService modes;
    @Autowired
    WalletService wallet;
    @Autowired
    fr.macrea.max.action.ActionService actions;

    @BeforeEach
    void signIn() {
        Tenant tenant = TestTenants.create(tenants, "Analyse ids", Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        modes.set(Mode.CONSEIL);
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void aSeventeenCharacterEspoIdIsAnalysed() {
        String id = crm.create("Lead", Map.of("firstName", "Camille", "lastName", "Martin", "status", "New"), true);
        assertThat(id).matches("[0-9a-f]{17}");
        int before = wallet.balance().total();

        ActionOutcome<LeadAnalysis> outcome = analysis.analyseLead(id, "k-espo-id");

        assertThat(outcome.status()).isEqualTo(ActionStatus.COMPLETED);
        assertThat(wallet.balance().total()).isEqualTo(before - outcome.cost());
    }

    @Test
    void aUuidModeIdIsNotRefusedAsMalformed() {
        // EspoCRM in UUID mode: 36 characters with dashes, which the old ad-hoc rule refused before any lookup
        ActionOutcome<LeadAnalysis> outcome = analysis.analyseLead("0f8fad5b-d9cb-469f-a165-70867728950e", "k-uuid");
        assertThat(outcome.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(fr.macrea.max.action.FrenchText.of(outcome.message())).contains("introuvable");
    }

    @Test
    void aThreeThousandCharacterIdFromAnyScreenIsRefusedWithTheLimitAndNothingIsLogged() {
        int before = wallet.balance().total();
        int logged = actions.log(100).size();
        String huge = "a".repeat(3000);
        for (var attempt : java.util.List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                () -> analysis.analyseLead(huge, "k-huge-service"),
                // the action card's path: the pipeline itself, as every screen calls it
                () -> actions.run(fr.macrea.max.action.ActionRequest.of(LeadAnalysisService.ACTION_ID,
                        new LeadAnalysisParams(huge), "k-huge-card")))) {
            ActionRefusedException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                    ActionRefusedException.class, attempt);
            assertThat(refused.message().key()).isEqualTo("lead-analysis.id.invalid");
            assertThat(refused.message().args()).containsExactly(fr.macrea.max.crm.CrmIds.MAX_LENGTH);
            assertThat(refused).hasMessageContaining("36 caractères au plus");
        }
        assertThat(wallet.balance().total()).isEqualTo(before);
        assertThat(actions.log(100)).hasSize(logged);
    }

    @Test
    void aMalformedIdIsRefusedBeforeAnyCharge() {
        int before = wallet.balance().total();
        assertThatThrownBy(() -> analysis.analyseLead("../etc/passwd", "k-bad"))
                .isInstanceOf(ActionRefusedException.class);
        assertThat(wallet.balance().total()).isEqualTo(before);
    }
}
