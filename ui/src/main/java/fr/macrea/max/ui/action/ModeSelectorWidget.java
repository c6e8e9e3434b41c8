package fr.macrea.max.ui.action;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.ui.base.HeaderWidget;

/** The mode selector in the header (nothing for a platform admin outside any tenant). */
@org.springframework.stereotype.Component
class ModeSelectorWidget implements HeaderWidget {

    private final ModeService modes;
    private final TenantContext context;

    ModeSelectorWidget(ModeService modes, TenantContext context) {
        this.modes = modes;
        this.context = context;
    }

    @Override
    public Component create() {
        return context.find().isEmpty() ? new Span() : new ModeSelector(modes);
    }

    @Override
    public int order() {
        return 10;
    }
}
