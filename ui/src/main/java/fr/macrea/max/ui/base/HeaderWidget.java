package fr.macrea.max.ui.base;

import com.vaadin.flow.component.Component;

/**
 * Something a feature shows in the header (mode selector, token balance, notifications). Declared as a Spring bean
 * so features add themselves without the layout knowing them; {@link #create()} is called once per layout.
 */
public interface HeaderWidget {

    Component create();

    /** Lower is further left. */
    default int order() {
        return 100;
    }
}
