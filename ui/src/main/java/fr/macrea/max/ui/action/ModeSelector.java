package fr.macrea.max.ui.action;

import fr.macrea.max.ui.base.Messages;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import fr.macrea.max.action.ActionRefusedException;
import fr.macrea.max.action.Mode;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.shared.Message;

/**
 * The global mode selector Conseil / Assisté / Auto, each with its coloured dot ({@link ModeIcons}): remembered per
 * user and tenant on the server. A mode the user may not choose (Auto on the Standard plan, Auto for a non-admin)
 * stays in the list, disabled, with the reason and what unlocks it written under it (the refusal of
 * {@link ModeService#refusal}, from the tenant's entitlements and the user's role): a disabled item shows no
 * tooltip, so the reason is text in the item.
 */
public class ModeSelector extends Select<Mode> {

    private final transient ModeService modes;

    public ModeSelector(ModeService modes) {
        this.modes = modes;
        setId("mode-selector");
        setAriaLabel(getTranslation("mode.selector"));
        setItems(Mode.values());
        setRenderer(new ComponentRenderer<>(this::item));
        setItemLabelGenerator(m -> ModeIcons.word(this, m));
        setItemEnabledProvider(m -> modes.refusal(m) == null);
        setValue(modes.current());
        showIcon(getValue());
        setTooltipText(getTranslation("mode.tooltip"));
        addClassName("mode-selector");
        setWidth("10.5em");
        addValueChangeListener(e -> {
            showIcon(e.getValue());
            if (!e.isFromClient() || e.getValue() == null) {
                return;
            }
            try {
                modes.set(e.getValue());
                Notification.show(getTranslation("mode.changed", ModeIcons.word(this, e.getValue()),
                                getTranslation("mode.help." + e.getValue().name())),
                        4000, Notification.Position.BOTTOM_START);
                getUI().ifPresent(ModeChanged::fire);
            } catch (ActionRefusedException refused) {
                setValue(e.getOldValue());
                Notification.show(Messages.text(this, refused), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
    }

    /** One line of the list: dot and word, and for a refused mode why and what unlocks it. */
    Component item(Mode mode) {
        Div item = new Div(ModeIcons.badge(this, mode));
        item.setId("mode-item-" + mode.name());
        item.addClassName("mode-item");
        Message refusal = modes.refusal(mode);
        if (refusal != null) {
            String reason = Messages.text(this, refusal);
            Span why = new Span(reason);
            why.setId("mode-refusal-" + mode.name());
            why.addClassName("mode-refusal");
            item.add(why);
            item.getElement().setAttribute("title", reason);
        }
        return item;
    }

    private void showIcon(Mode mode) {
        setPrefixComponent(mode == null ? null : ModeIcons.icon(mode));
    }
}
