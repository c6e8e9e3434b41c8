package fr.macrea.max.ui.security;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import java.util.Optional;

/**
 * The login page, in French by default. After a failed sign-in it says why ({@link LoginFailureHandler}): wrong
 * credentials ({@code ?error}), too many attempts and how long to wait ({@code ?locked=<minutes>}), or a page left
 * open too long ({@code ?expired}).
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();
    private final LoginI18n i18n;

    public LoginView() {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        login.setAction("login");
        i18n = buildI18n();
        login.setI18n(i18n);
        login.setForgotPasswordButtonVisible(false);

        H1 brand = new H1("M.A.X.");
        brand.addClassName("login-brand");
        Paragraph tagline = new Paragraph(getTranslation("login.tagline"));
        add(new Div(brand, tagline), login);
    }

    /** The labels shown by the form (the form's own getter is not public). */
    LoginI18n i18n() {
        return i18n;
    }

    private LoginI18n buildI18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.title"));
        form.setUsername(getTranslation("login.username"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.username"));
        error.setPassword(getTranslation("login.error.password"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        Optional<Long> lockedMinutes = query.getSingleParameter("locked").map(LoginView::minutes);
        if (lockedMinutes.isPresent()) {
            error.setTitle(getTranslation("login.locked.title"));
            error.setMessage(getTranslation("login.locked.message", lockedMinutes.get()));
        } else if (query.getParameters().containsKey("expired")) {
            error.setTitle(getTranslation("login.expired.title"));
            error.setMessage(getTranslation("login.expired.message"));
        } else {
            error.setTitle(getTranslation("login.error.title"));
            error.setMessage(getTranslation("login.error.message"));
        }
        login.setI18n(i18n);
        login.setError(lockedMinutes.isPresent() || query.getParameters().containsKey("expired")
                || query.getParameters().containsKey("error"));
    }

    /** The minutes of {@code ?locked=}, kept within sense whatever the address bar says. */
    private static long minutes(String value) {
        try {
            return Math.clamp(Long.parseLong(value.strip()), 1, 24 * 60);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.page-title");
    }
}
