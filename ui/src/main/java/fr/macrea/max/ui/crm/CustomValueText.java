package fr.macrea.max.ui.crm;

import com.vaadin.flow.component.Component;

import java.text.NumberFormat;
import java.util.Collection;
import java.util.stream.Collectors;

/** A custom field's value as the user reads it: yes/no, numbers in their language, lists joined, empty for none. */
final class CustomValueText {

    private CustomValueText() {
    }

    static String of(Component view, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean b) {
            return view.getTranslation(b ? "crm.value.yes" : "crm.value.no");
        }
        if (value instanceof Number n) {
            NumberFormat format = NumberFormat.getNumberInstance(fr.macrea.max.ui.base.Numbers.locale(view));
            format.setMaximumFractionDigits(2);
            return format.format(n);
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return value.toString();
    }
}
