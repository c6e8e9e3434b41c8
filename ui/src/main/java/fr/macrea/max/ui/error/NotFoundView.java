package fr.macrea.max.ui.error;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.HttpStatusCode;
import fr.macrea.max.ui.base.MainLayout;
import jakarta.annotation.security.PermitAll;

/**
 * Replaces Vaadin's bare "Could not navigate to ..." for an address that matches no view. {@code @PermitAll}: a
 * signed-in user sees it in the main layout; an anonymous one is sent to the login page first (the layout needs a
 * user).
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotFoundView extends ErrorPage implements HasErrorParameter<NotFoundException> {

    public NotFoundView() {
        super("not-found");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show(event.getLocation().getPath());
        return HttpStatusCode.NOT_FOUND.getCode();
    }
}
