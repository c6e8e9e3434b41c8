package fr.macrea.max.ui.error;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.HttpStatusCode;
import fr.macrea.max.ui.base.MainLayout;
import jakarta.annotation.security.PermitAll;

/**
 * Shown by Vaadin's navigation access control when a signed-in user opens a view their role does not allow (a
 * tenant admin on {@code /console}); it replaces Vaadin's default, which reroutes to the bare not-found text. The
 * view names are public (they are in the documentation), so saying "not allowed" rather than "not found" hides
 * nothing and tells the user what happened.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class AccessDeniedView extends ErrorPage implements HasErrorParameter<AccessDeniedException> {

    public AccessDeniedView() {
        super("forbidden");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        show(event.getLocation().getPath());
        return HttpStatusCode.FORBIDDEN.getCode();
    }
}
