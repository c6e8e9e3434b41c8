package fr.macrea.max.ui.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import fr.macrea.max.ui.KaribuIT;
import fr.macrea.max.ui.base.UiLocales;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class LoginViewIT extends KaribuIT {

    @Test
    void theLoginPageSpeaksFrenchByDefault() {
        UI.getCurrent().navigate("login");

        var form = _get(LoginView.class);
        assertThat(form.i18n().getForm().getTitle()).isEqualTo("Connexion");
        assertThat(form.i18n().getForm().getUsername()).isEqualTo("Adresse e-mail");
        assertThat(form.i18n().getForm().getSubmit()).isEqualTo("Se connecter");
        assertThat(form.i18n().getErrorMessage().getTitle()).isEqualTo("Identifiants incorrects");
    }

    @Test
    void englishIsAvailableThroughI18n() {
        UiLocales.choose(Locale.ENGLISH);
        UI.getCurrent().getPage().reload();
        UI.getCurrent().navigate("login");

        assertThat(_get(LoginView.class).i18n().getForm().getSubmit()).isEqualTo("Sign in");
    }

    @Test
    void aFailedLoginShowsTheErrorMessage() {
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        assertThat(_get(LoginForm.class).isError()).isTrue();
    }

    @Test
    void aThrottledLoginSaysWhyAndHowLongToWaitInFrench() {
        UI.getCurrent().navigate("login", QueryParameters.of("locked", "3"));

        LoginView view = _get(LoginView.class);
        assertThat(_get(LoginForm.class).isError()).isTrue();
        assertThat(view.i18n().getErrorMessage().getTitle()).isEqualTo("Trop de tentatives");
        assertThat(view.i18n().getErrorMessage().getMessage())
                .contains("la connexion est suspendue").endsWith("Réessayez dans 3 minutes.");
    }

    @Test
    void aThrottledLoginSpeaksEnglishThroughI18n() {
        UiLocales.choose(Locale.ENGLISH);
        UI.getCurrent().getPage().reload();
        UI.getCurrent().navigate("login", QueryParameters.of("locked", "1"));

        assertThat(_get(LoginView.class).i18n().getErrorMessage().getMessage()).endsWith("Try again in 1 minute.");
    }

    @Test
    void aPostWithoutAValidTokenAsksToSignInAgainAndWrongCredentialsStaySaid() {
        UI.getCurrent().navigate("login", QueryParameters.of("expired", ""));
        assertThat(_get(LoginForm.class).isError()).isTrue();
        assertThat(_get(LoginView.class).i18n().getErrorMessage().getTitle()).isEqualTo("Page de connexion expirée");

        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        assertThat(_get(LoginView.class).i18n().getErrorMessage().getTitle()).isEqualTo("Identifiants incorrects");
    }
}
