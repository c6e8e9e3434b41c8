package fr.macrea.max.uimemory;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * The baseline of {@code ./max bench ui-memory}: a route with nothing on it and without the application's layout,
 * so a session on it costs what Vaadin, Spring Security and the servlet session cost and nothing of M.A.X.'s own.
 * Test sources only, outside {@code fr.macrea.max.ui}, so the other Karibu tests' route discovery never sees it.
 */
@Route(value = "bench-empty", autoLayout = false)
@PermitAll
public class EmptyBenchView extends Div {
}
