package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;
import org.jooq.Field;
import org.jooq.Table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks an attribute map and converts it to column values without writing anything, so that bad input (unknown
 * field, too long, bad type, malformed e-mail, bad tag, unknown enum option) is refused before any write. Special
 * attributes: {@code emailAddress}/{@code emailAddressIsOptedOut}, {@code phoneNumber} (link tables, written by
 * {@link ContactPointStore}) and the multiEnum {@code cTags} (JSON column + {@code array_value} rows).
 */
final class CrmInput {

    enum Mode {
        /** A write asked by M.A.X.: unknown attributes are errors, ids and audit dates are set here. */
        STRICT,
        /** A record copied from EspoCRM: unknown attributes are ignored, ids and dates are EspoCRM's. */
        REPLICA
    }

    /**
     * @param arrays the values of custom multiEnum fields by attribute (one {@code array_value} row each, as for
     *               {@code cTags})
     */
    record Prepared(String entityType, Table<?> table, Map<Field<?>, Object> columns, Map<String, Object> special,
                    List<String> tags, Map<String, List<String>> arrays) {
    }

    private static final Set<String> SPECIAL = Set.of("emailAddress", "emailAddressIsOptedOut", "phoneNumber",
            "phoneNumberIsOptedOut");
    /** Attributes EspoCRM computes or M.A.X. manages itself: never written from a caller's map. */
    private static final Set<String> READ_ONLY = Set.of("id", "deleted", "createdAt", "modifiedAt", "number");
    private static final Pattern EMAIL_PATTERN = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    /** EspoCRM's enum options for the fields M.A.X. writes most (entityDefs, reference §1.9). */
    private static final Map<String, Set<String>> ENUMS = Map.ofEntries(
            Map.entry("Lead.status", Set.of("New", "Assigned", "In Process", "Converted", "Recycled", "Dead")),
            Map.entry("Lead.source", Set.of("", "Call", "Email", "Existing Customer", "Partner", "Public Relations",
                    "Web Site", "Campaign", "Other")),
            Map.entry("Task.status", Set.of("Not Started", "Started", "Completed", "Canceled", "Deferred")),
            Map.entry("Task.priority", Set.of("Low", "Normal", "High", "Urgent")),
            Map.entry("Call.status", Set.of("Planned", "Held", "Not Held")),
            Map.entry("Meeting.status", Set.of("Planned", "Held", "Not Held")),
            Map.entry("Campaign.status", Set.of("Planning", "Active", "Inactive", "Complete")),
            Map.entry("Campaign.type", Set.of("Email", "Newsletter", "Informational Email", "Web", "Television", "Radio", "Mail")),
            Map.entry("CampaignLogRecord.action", Set.of("Sent", "Opened", "Opted Out", "Bounced", "Clicked", "Lead Created", "Opted In")));

    private CrmInput() {
    }

    static Prepared prepare(String entityType, Map<String, Object> attributes, Mode mode) {
        return prepare(entityType, attributes, mode, CustomSchema.NONE);
    }

    /** Like {@link #prepare(String, Map, Mode)}, custom fields of the tenant's schema included. */
    static Prepared prepare(String entityType, Map<String, Object> attributes, Mode mode, CustomSchema custom) {
        Table<?> table = CrmSchema.table(entityType);
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        Map<String, Object> special = new LinkedHashMap<>();
        List<String> tags = null;
        Map<String, List<String>> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            String attr = e.getKey();
            Object value = e.getValue();
            if (SPECIAL.contains(attr)) {
                if (!CrmSchema.WITH_EMAIL.contains(entityType)) {
                    continue;
                }
                if (attr.equals("emailAddress") && value != null && !value.toString().isBlank()
                        && !EMAIL_PATTERN.matcher(value.toString().strip()).matches()) {
                    throw new CrmValidationException(Message.of("crm.email.invalid", value));
                }
                special.put(attr, value);
                continue;
            }
            if (READ_ONLY.contains(attr) && mode == Mode.STRICT) {
                throw new CrmValidationException(Message.of("crm.field.read-only", attr));
            }
            Field<?> f = CrmSchema.column(table, attr);
            if (f == null) {
                f = custom.field(attr);
            }
            if (f == null) {
                if (mode == Mode.STRICT && !(attr.equals("name") && CrmSchema.PERSONS.contains(entityType))) {
                    throw new CrmValidationException(Message.of("crm.field.unknown", CrmStore.label(entityType), attr));
                }
                continue;
            }
            if (f.getName().equals("c_tags")) {
                tags = CrmValues.tagList(value);
                columns.put(f, tags.isEmpty() ? null : CrmJson.write(tags));
                continue;
            }
            if (custom.multiEnum(f)) {
                List<String> values = CrmValues.tagList(value);
                checkOptions(custom, f, attr, values);
                arrays.put(CrmSchema.camel(f.getName()), values);
                columns.put(f, values.isEmpty() ? null : CrmJson.write(values));
                continue;
            }
            if (value != null && !value.toString().isEmpty()) {
                checkOptions(custom, f, attr, List.of(value.toString()));
            }
            columns.put(f, CrmValues.toColumn(f, value, attr));
        }
        if (mode == Mode.STRICT) {
            checkEnums(entityType, attributes);
        }
        return new Prepared(entityType, table, columns, special, tags, arrays);
    }

    /** A custom enum value must be one of the field's options (EspoCRM refuses others too). */
    private static void checkOptions(CustomSchema custom, Field<?> f, String attr, List<String> values) {
        List<String> options = custom.options().get(f.getName());
        if (options == null) {
            return;
        }
        for (String v : values) {
            if (!options.contains(v)) {
                throw new CrmValidationException(Message.of("crm.field.value.not-an-option", attr, v,
                        String.join(", ", options)));
            }
        }
    }

    private static void checkEnums(String entityType, Map<String, Object> attributes) {
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            Set<String> options = ENUMS.get(entityType + "." + e.getKey());
            if (options != null && e.getValue() != null && !options.contains(e.getValue().toString())) {
                throw new CrmValidationException(Message.of("crm.field.value.not-an-option", e.getKey(), e.getValue(),
                        String.join(", ", new TreeSet<>(options))));
            }
        }
    }
}
