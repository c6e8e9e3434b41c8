package fr.macrea.max.ui.action;

import fr.macrea.max.ui.base.Messages;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import fr.macrea.max.action.ActionRefusedException;
import fr.macrea.max.action.Mode;
import fr.macrea.max.action.ModeService;

/**
 * The global mode selector 🟢 Conseil / 🟡 Assisté / 🔴 Auto: remembered per user and tenant on the server; modes
 * the user may not choose (Auto on Standard, Auto for non-admins) are shown disabled with the reason.
 */
public class ModeSelector extends Select<Mode> {

    private final transient ModeService modes;

    public ModeSelector(ModeService modes) {
        this.modes = modes;
        setId("mode-selector");
        setAriaLabel(getTranslation("mode.selector"));
        setItems(Mode.values());
        setItemLabelGenerator(m -> m.emoji() + " " + getTranslation("mode." + m.name()));
        setItemEnabledProvider(m -> modes.refusal(m) == null);
        setValue(modes.current());
        setTooltipText(getTranslation("mode.tooltip"));
        addClassName("mode-selector");
        setWidth("10.5em");
        addValueChangeListener(e -> {
            if (!e.isFromClient() || e.getValue() == null) {
                return;
            }
            try {
                modes.set(e.getValue());
                Notification.show(getTranslation("mode.changed", e.getValue().emoji() + " "
                        + getTranslation("mode." + e.getValue().name()), getTranslation("mode.help." + e.getValue().name())),
                        4000, Notification.Position.BOTTOM_START);
                getUI().ifPresent(ModeChanged::fire);
            } catch (ActionRefusedException refused) {
                setValue(e.getOldValue());
                Notification.show(Messages.text(this, refused), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
    }
}
