package fr.macrea.max.ui.base;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** Theme and push for every page. No custom frontend build: Lumo plus one plain stylesheet (STACK.md trap 1). */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@Push
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("M.A.X. — MaCréa Assistant eXpert");
    }
}
