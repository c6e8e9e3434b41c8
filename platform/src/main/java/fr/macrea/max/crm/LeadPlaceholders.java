package fr.macrea.max.crm;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Fills a template's {@code {Lead.field}} placeholders with a lead's values, custom fields included
 * ({@code {Lead.cPoidsKg}} resolves once the field exists): what Créa and the assistant show before sending.
 * A placeholder of another entity, or of a field the CRM does not have, is left as it is and reported.
 */
@Service
public class LeadPlaceholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{Lead\\.([a-zA-Z][A-Za-z0-9]{0,62})}");

    /** The filled text and the placeholders left unfilled (unknown fields; other entities are not counted). */
    public record Filled(String text, Set<String> unresolved) {
    }

    private final CrmStore store;
    private final BulkRecords bulk;

    LeadPlaceholders(CrmStore store, BulkRecords bulk) {
        this.store = store;
        this.bulk = bulk;
    }

    /**
     * The {@code {Lead.field}} placeholders of {@code template} that no lead of this tenant can fill (the field
     * does not exist in its CRM, custom fields included), in order of appearance: what an editor names before any
     * lead is chosen. The known names are the attributes {@link #fill} resolves.
     */
    @PreAuthorize("hasRole('TENANT_USER')")
    public Set<String> unknown(String template) {
        Set<String> known = fields();
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template == null ? "" : template);
        while (m.find()) {
            if (!known.contains(m.group(1))) {
                out.add(m.group());
            }
        }
        return out;
    }

    /** The lead attributes a placeholder may name: the table's columns, the derived ones, the custom fields. */
    @PreAuthorize("hasRole('TENANT_USER')")
    public Set<String> fields() {
        Set<String> known = new java.util.TreeSet<>(store.attributeNames("Lead"));
        known.addAll(Set.of("name", "emailAddress", "phoneNumber"));
        known.removeAll(Set.of("deleted", "searchText"));
        return known;
    }

    @PreAuthorize("hasRole('TENANT_USER')")
    public Filled fill(String template, String leadId) {
        return fill(template, store.require("Lead", leadId));
    }

    /**
     * Each of {@code templates} filled for each lead of {@code leadIds} that exists, by lead id (the texts in the
     * order of the templates): the leads are read once for all the texts, in one query per chunk (a send's batch).
     */
    @PreAuthorize("hasRole('TENANT_USER')")
    public Map<String, List<String>> fillAll(List<String> templates, Collection<String> leadIds) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        bulk.readAll("Lead", leadIds).forEach((id, lead) ->
                out.put(id, templates.stream().map(t -> fill(t, lead).text()).toList()));
        return out;
    }

    private static Filled fill(String template, Map<String, Object> lead) {
        Set<String> unresolved = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String field = m.group(1);
            if (!lead.containsKey(field)) {
                unresolved.add(m.group());
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(text(lead.get(field))));
        }
        m.appendTail(out);
        return new Filled(out.toString(), unresolved);
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return String.valueOf(d.longValue());
        }
        return value.toString();
    }
}
