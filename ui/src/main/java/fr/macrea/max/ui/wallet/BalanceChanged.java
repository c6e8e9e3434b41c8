package fr.macrea.max.ui.wallet;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.UI;

/**
 * Fired on the UI when something in it charged or refunded tokens (an action card, an undo), so the header
 * balance refreshes without a reload.
 */
public class BalanceChanged extends ComponentEvent<UI> {

    public BalanceChanged(UI source) {
        super(source, false);
    }

    public static void fire(UI ui) {
        com.vaadin.flow.component.ComponentUtil.fireEvent(ui, new BalanceChanged(ui));
    }
}
