package fr.macrea.max.ui.error;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouterLink;
import fr.macrea.max.ui.home.HomeView;

/**
 * The product's page for a navigation that cannot be shown, inside the main layout so that the user keeps the
 * header and the menu, with a title, one sentence naming the address and a link back to the home page.
 */
abstract class ErrorPage extends VerticalLayout implements HasDynamicTitle {

    private final String kind;

    ErrorPage(String kind) {
        this.kind = kind;
        setId("error-page");
        addClassName("error-page");
    }

    /** Fills the page for the address the user asked for; {@code kind} picks the {@code error.<kind>.*} texts. */
    void show(String path) {
        removeAll();
        H2 title = new H2(getTranslation("error." + kind + ".title"));
        Paragraph text = new Paragraph(getTranslation("error." + kind + ".text", "/" + path));
        text.setId("error-text");
        RouterLink home = new RouterLink(getTranslation("error.home"), HomeView.class);
        home.setId("error-home");
        add(title, text, home);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("error." + kind + ".title") + " — M.A.X.";
    }
}
