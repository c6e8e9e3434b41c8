package fr.macrea.max.ui.action;

import com.vaadin.flow.component.combobox.ComboBox;
import fr.macrea.max.crm.Lead;
import fr.macrea.max.ranking.LeadFilter;
import fr.macrea.max.ranking.LeadRow;
import fr.macrea.max.ranking.LeadSearchService;
import fr.macrea.max.shared.LocalizedException;

import java.io.Serializable;
import java.util.stream.Stream;

/**
 * Picks a lead by what the user knows of it (name, company, e-mail) through the CRM tab's one lead search, lazily:
 * nobody types the CRM's 17-character ids.
 */
public class LeadPicker extends ComboBox<LeadPicker.Option> {

    /** A lead as the picker shows it; the id is what the action needs. */
    public record Option(String id, String name, String company, String email) implements Serializable {

        static Option of(LeadRow row) {
            return new Option(row.id(), row.name(), row.accountName(), row.emailAddress());
        }

        static Option of(Lead lead) {
            String name = ((lead.firstName() == null ? "" : lead.firstName()) + " "
                    + (lead.lastName() == null ? "" : lead.lastName())).strip();
            return new Option(lead.id(), name, lead.accountName(), lead.emailAddress());
        }

        String label() {
            StringBuilder label = new StringBuilder(name.isEmpty() ? id : name);
            if (company != null && !company.isBlank()) {
                label.append(" — ").append(company);
            }
            if (email != null && !email.isBlank()) {
                label.append(" · ").append(email);
            }
            return label.toString();
        }
    }

    public LeadPicker(LeadSearchService search) {
        setItemLabelGenerator(Option::label);
        setItems(query -> {
            String text = query.getFilter().orElse("");
            // the search's own bounds: one page of at most MAX_PAGE, a text of at most TEXT_MAX_LENGTH
            int end = Math.min(query.getOffset() + query.getLimit(), LeadSearchService.MAX_PAGE);
            if (query.getOffset() >= end || text.strip().length() > LeadFilter.TEXT_MAX_LENGTH) {
                return Stream.empty();
            }
            try {
                return search.search(LeadFilter.none().withText(text), null, end).rows().stream()
                        .skip(query.getOffset()).map(Option::of);
            } catch (LocalizedException e) {
                return Stream.empty();
            }
        });
        setClearButtonVisible(true);
        setWidth("36em");
    }
}
