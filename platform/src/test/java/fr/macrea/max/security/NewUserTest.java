package fr.macrea.max.security;

import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import fr.macrea.max.testing.Texts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewUserTest {

    @Test
    void normalisesTheEmailAndRefusesBadForms() {
        assertThat(new NewUser(" Marie@QMix-Paris.fr ", "Marie", "secret123", false).email()).isEqualTo("marie@qmix-paris.fr");
        assertThatThrownBy(() -> new NewUser("pas-un-email", "Marie", "secret123", false))
                .hasMessageContaining("Adresse e-mail invalide");
        assertThatThrownBy(() -> new NewUser("m@x.fr", " ", "secret123", false)).hasMessage("Le nom affiché est obligatoire.");
        assertThatThrownBy(() -> new NewUser("m@x.fr", "Marie", "court", false))
                .hasMessageContaining("au moins 8 caractères");
        InvalidUserException shortPassword = catchThrowableOfType(InvalidUserException.class,
                () -> new NewUser("m@x.fr", "Marie", "court", false));
        assertThat(Texts.en(shortPassword.message())).isEqualTo("The password must be at least 8 characters long.");
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(new NewUser("m@x.fr", "Marie", "secret123", false).toString()).doesNotContain("secret123");
    }
}
