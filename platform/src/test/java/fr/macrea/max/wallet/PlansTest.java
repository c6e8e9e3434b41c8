package fr.macrea.max.wallet;

import fr.macrea.max.tenant.AddOn;
import fr.macrea.max.testing.Texts;
import fr.macrea.max.tenant.CrmMode;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.shared.TenantId;
import fr.macrea.max.tenant.TenantStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PlansTest {

    private static Tenant tenant(Plan plan, AddOn... addOns) {
        return new Tenant(new TenantId(1), "t", "T", plan, Set.of(addOns), TenantStatus.ACTIVE, CrmMode.EMBEDDED, "crm_t");
    }

    @Test
    void allowancesOfSpec() {
        assertThat(Plans.monthlyAllowance(Plan.STANDARD)).isEqualTo(100);
        assertThat(Plans.monthlyAllowance(Plan.PRO)).isEqualTo(500);
        assertThat(Plans.monthlyAllowance(Plan.STUDIO)).isEqualTo(1500);
    }

    @Test
    void euroValueOfAToken() {
        BigDecimal pack = new BigDecimal("49");
        assertThat(Plans.euroPerToken(Plan.PRO, 500, pack)).isEqualByComparingTo("0.198");
        assertThat(Plans.euroPerToken(Plan.STUDIO, 500, pack)).isEqualByComparingTo("0.132667");
        assertThat(Plans.euroPerToken(Plan.STANDARD, 500, pack)).isEqualByComparingTo("0.098");
    }

    @Test
    void standardIsLockedOutOfCallsFieldCreationAndAuto() {
        Tenant standard = tenant(Plan.STANDARD);
        assertThat(Entitlements.of(standard, Right.AI_CALLS).granted()).isFalse();
        assertThat(Texts.en(Entitlements.of(standard, Right.AI_CALLS).reason()))
                .isEqualTo("AI calls is not included in the Standard plan: available with the Pro plan or higher.");
        assertThat(Texts.fr(Entitlements.of(standard, Right.FIELD_CREATION).reason()))
                .isEqualTo("Création de champs n'est pas inclus dans le plan Standard : disponible avec le plan Pro ou "
                        + "option « Fiche métier ».");
        assertThat(Texts.en(new InsufficientTokensException(1, 0).message())).startsWith("Not enough tokens: this "
                + "action costs 1 token and 0 remain.");
        assertThat(new InsufficientTokensException(3, 2).getMessage()).startsWith("Solde de jetons insuffisant : "
                + "cette action coûte 3 jetons et il en reste 2. Aucun jeton n'a été débité");
        assertThat(Entitlements.of(standard, Right.FIELD_CREATION).granted()).isFalse();
        assertThat(Entitlements.of(standard, Right.AUTO_MODE).granted()).isFalse();
        assertThat(Entitlements.of(standard, Right.BASIC_AI).granted()).isTrue();
        assertThat(Entitlements.of(standard, Right.CRM_BASIC_WRITE).granted()).isTrue();
        assertThat(Entitlements.of(standard, Right.WHATSAPP_ASSISTED).granted()).isTrue();
    }

    @Test
    void ficheMetierUnlocksFieldsRebuildOnStandardButNotCalls() {
        Tenant withAddOn = tenant(Plan.STANDARD, AddOn.FICHE_METIER);
        assertThat(Entitlements.of(withAddOn, Right.FIELDS_REBUILD).granted()).isTrue();
        assertThat(Entitlements.of(withAddOn, Right.VERTICAL_BRAIN).granted()).isTrue();
        assertThat(Entitlements.of(withAddOn, Right.AI_CALLS).granted()).isFalse();
    }

    @Test
    void proAndStudio() {
        assertThat(Entitlements.of(tenant(Plan.PRO), Right.AI_CALLS).granted()).isTrue();
        assertThat(Entitlements.of(tenant(Plan.PRO), Right.PRIORITY).granted()).isFalse();
        assertThat(Entitlements.of(tenant(Plan.STUDIO), Right.PRIORITY).granted()).isTrue();
    }

    @Test
    void balanceArithmetic() {
        WalletBalance b = new WalletBalance(java.time.LocalDate.of(2026, 11, 1), 500, 100, 500, 400,
                new BigDecimal("0.198"));
        assertThat(b.total()).isEqualTo(600);
        assertThat(b.euroValue()).isEqualByComparingTo("118.80");
        assertThat(b.allowanceUsedPercent()).isEqualTo(80);
    }
}
