package fr.macrea.max.ui.action;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;

/** Fired on the UI when the user picks another mode, so the action cards on screen re-quote. */
public class ModeChanged extends ComponentEvent<UI> {

    public ModeChanged(UI source) {
        super(source, false);
    }

    public static void fire(UI ui) {
        ComponentUtil.fireEvent(ui, new ModeChanged(ui));
    }
}
