package fr.macrea.max.ui.crm;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import fr.macrea.max.crm.CustomField;
import fr.macrea.max.crm.SavedView;
import fr.macrea.max.plugins.api.Criterion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CRM tab's filters on the tenant's own fields, learnt from its schema: the saved views of the field plans it
 * applied ("Vue"), and one filter per list field (enum / multiEnum) those plans added. Nothing here knows a vertical.
 */
class CustomFieldFilters extends FlexLayout {

    private final List<CustomField> fields;
    private final Select<SavedView> view = new Select<>();
    private final Map<CustomField, MultiSelectComboBox<String>> values = new LinkedHashMap<>();

    CustomFieldFilters(List<CustomField> fields, List<SavedView> views, Runnable onChange) {
        this.fields = List.copyOf(fields);
        setId("crm-custom-filters");
        addClassName("crm-filters");
        setFlexWrap(FlexWrap.WRAP);
        String language = getLocale().getLanguage();
        view.setId("crm-view");
        view.setLabel(getTranslation("crm.filter.view"));
        view.setItems(views);
        view.setEmptySelectionAllowed(true);
        view.setEmptySelectionCaption(getTranslation("crm.filter.view.none"));
        view.setItemLabelGenerator(v -> v == null ? getTranslation("crm.filter.view.none") : v.label(language));
        view.setVisible(!views.isEmpty());
        view.addValueChangeListener(e -> onChange.run());
        add(view);
        for (CustomField f : fields) {
            if (f.enumerated()) {
                MultiSelectComboBox<String> box = new MultiSelectComboBox<>(f.label(language));
                box.setId("crm-custom-" + f.name());
                box.setItems(f.options());
                box.addValueChangeListener(e -> onChange.run());
                values.put(f, box);
                add(box);
            }
        }
        setVisible(!views.isEmpty() || !values.isEmpty());
    }

    /** The conditions to add to the search: the chosen view's, then one per list field with values picked. */
    List<Criterion> criteria() {
        List<Criterion> out = new ArrayList<>();
        if (view.getValue() != null) {
            out.addAll(view.getValue().filters());
        }
        values.forEach((field, box) -> {
            if (box.getValue().isEmpty()) {
                return;
            }
            if (field.type().equals("multiEnum")) {
                // a record matches when it has every value picked (EspoCRM's arrayAllOf)
                box.getValue().forEach(v -> out.add(Criterion.of(field.name(), Criterion.Operator.HAS, v)));
            } else {
                out.add(Criterion.of(field.name(), Criterion.Operator.IN, String.join(",", box.getValue())));
            }
        });
        return out;
    }

    /** The custom fields the grid shows: the chosen view's, in its order (none without a view). */
    List<CustomField> columns() {
        if (view.getValue() == null) {
            return List.of();
        }
        List<CustomField> out = new ArrayList<>();
        for (String column : view.getValue().columns()) {
            fields.stream().filter(f -> f.name().equals(column)).findFirst().ifPresent(out::add);
        }
        return out;
    }
}
