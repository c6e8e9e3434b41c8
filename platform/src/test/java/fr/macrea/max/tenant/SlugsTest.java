package fr.macrea.max.tenant;

import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import fr.macrea.max.testing.Texts;
import fr.macrea.max.shared.Message;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlugsTest {

    @Test
    void derivesASchemaSafeSlugFromAFrenchName() {
        assertThat(Slugs.fromName("QMix Paris")).isEqualTo("qmix_paris");
        assertThat(Slugs.fromName("Atelier Zen — Beauté & Bien-être")).isEqualTo("atelier_zen_beaute_bien_etre");
        assertThat(Slugs.fromName("2 Roues Express")).isEqualTo("t_2_roues_express");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x; drop table tenant", "crm`evil", "Majuscules", "a", "_leading", "trop_long_pour_un_identifiant_de_tenant_valide"})
    void refusesSlugsThatCouldNotSafelyNameASchema(String slug) {
        assertThatThrownBy(() -> Slugs.requireValid(slug))
                .isInstanceOf(InvalidTenantException.class)
                .hasMessageContaining("Identifiant de tenant invalide");
    }

    @Test
    void newTenantDerivesTheSlugWhenLeftEmptyAndRequiresAName() {
        assertThat(new NewTenant("TransExpress Lyon", " ", Plan.PRO, null).slug()).isEqualTo("transexpress_lyon");
        assertThatThrownBy(() -> new NewTenant("  ", null, Plan.PRO, null))
                .hasMessage("Le nom du tenant est obligatoire.");
        assertThatThrownBy(() -> new NewTenant("Zen", "zen", null, null)).hasMessage("Le plan est obligatoire.");
    }

    @Test
    void refusalsAreMessagesWithAnEnglishText() {
        InvalidTenantException refused = catchThrowableOfType(InvalidTenantException.class, () -> Slugs.requireValid("9-x"));
        assertThat(refused.message()).isEqualTo(Message.of("tenant.slug.invalid", "9-x"));
        assertThat(Texts.en(refused.message())).isEqualTo("Invalid tenant identifier: \"9-x\" (lower-case letters, "
                + "digits and _, 2 to 40 characters, starting with a letter).");
        assertThat(Texts.en(Message.of(AddOn.FICHE_METIER.labelKey()))).isEqualTo("Business fields (Fiche métier)");
    }
}
