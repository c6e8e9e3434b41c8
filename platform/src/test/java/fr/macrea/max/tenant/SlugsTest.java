package fr.macrea.max.tenant;

import org.junit.jupiter.api.Test;
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
}
