package fr.macrea.max.uimemory;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * A diagnostic of {@code ./max bench ui-memory}: an empty route inside the application's layout (header widgets,
 * navigation, the bell and balance subscriptions), to tell the layout's share from the Reporting view's.
 */
@Route("bench-layout")
@PermitAll
public class LayoutBenchView extends Div {
}
