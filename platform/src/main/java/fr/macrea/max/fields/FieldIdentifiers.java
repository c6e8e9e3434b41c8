package fr.macrea.max.fields;

import fr.macrea.max.crm.CrmCustomFields;
import fr.macrea.max.plugins.api.Criterion;
import fr.macrea.max.plugins.api.FieldPlan;
import fr.macrea.max.shared.Message;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The whitelist every name of a field plan passes before anything reaches SQL or EspoCRM (SPEC §8): entity types
 * from a fixed list, field names {@code c} + camelCase letters and digits within EspoCRM's length limit, neither an
 * EspoCRM / SQL reserved word nor a link's generated attribute ({@code ...Id}, {@code ...Name}), supported types,
 * options and tags without quotes, backslashes or control characters. A plan breaking any rule is refused whole,
 * with every reason, and nothing runs.
 */
final class FieldIdentifiers {

    static final int MAX_FIELDS = 200;
    static final int MAX_OPTIONS = 200;
    /** EspoCRM's limit on a field's name in snake_case (reference §1.7); the currency column adds 9. */
    static final int MAX_COLUMN = 50;
    private static final Pattern NAME = Pattern.compile("c[A-Z][A-Za-z0-9]*");
    private static final Pattern OPTION = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _./+-]{0,99}");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final Pattern ATTRIBUTE = Pattern.compile("[a-z][A-Za-z0-9]{0,62}");
    private static final Pattern LINK_SUFFIX = Pattern.compile(".*(Id|Ids|Name|Names|Type|Currency)$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /** EspoCRM's reserved attribute names and the SQL words its ORM or MariaDB would trip on. */
    private static final Set<String> RESERVED = Set.of("id", "deleted", "name", "select", "from", "where", "table",
            "column", "drop", "alter", "insert", "update", "delete", "create", "index", "key", "order", "group",
            "by", "limit", "offset", "union", "join", "and", "or", "not", "null", "true", "false", "like", "in",
            "is", "as", "on", "into", "values", "set", "primary", "foreign", "references", "default", "check",
            "constraint", "database", "schema", "grant", "revoke", "user", "users", "password", "role", "exec",
            "execute", "call", "procedure", "function", "trigger", "view", "case", "when", "then", "else", "end",
            "desc", "asc", "distinct", "having", "all", "any", "exists", "between", "interval", "range", "rank",
            "row", "rows", "system", "text", "data", "type", "status", "entity", "attribute", "link", "links",
            "fields", "field", "collection", "version", "number", "modifiedat", "createdat", "assigneduser",
            "teams", "emailaddress", "phonenumber", "tags", "tables", "mediumtext", "varchar", "int",
            "float", "double", "date", "datetime", "timestamp", "boolean", "bool", "enum", "json");

    private FieldIdentifiers() {
    }

    /** Every rule the plan breaks; empty when it may be turned into a migration. */
    static List<Message> violations(FieldPlan plan) {
        List<Message> out = new ArrayList<>();
        int total = plan.entities().stream().mapToInt(e -> e.fields().size()).sum();
        if (total > MAX_FIELDS) {
            out.add(Message.of("fields.plan.too-many", total, MAX_FIELDS));
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (FieldPlan.EntityFields entity : plan.entities()) {
            if (!CrmCustomFields.ENTITIES.contains(entity.entity())) {
                out.add(Message.of("fields.entity.unsupported", clip(entity.entity())));
                continue;
            }
            for (FieldPlan.Field field : entity.fields()) {
                field(entity.entity(), field, seen, out);
            }
        }
        for (FieldPlan.Pipeline p : plan.pipelines()) {
            id(p.id(), out);
            attribute(p.field(), out);
        }
        for (FieldPlan.Tag tag : plan.tags()) {
            if (!ID.matcher(tag.value()).matches()) {
                out.add(Message.of("fields.tag.invalid", clip(tag.value())));
            }
        }
        for (FieldPlan.View view : plan.views()) {
            id(view.id(), out);
            if (!CrmCustomFields.ENTITIES.contains(view.entity())) {
                out.add(Message.of("fields.entity.unsupported", clip(view.entity())));
            }
            view.columns().forEach(c -> attribute(c, out));
            for (Criterion c : view.filters()) {
                attribute(c.field(), out);
                if (c.value().length() > 255 || CONTROL.matcher(c.value()).find()) {
                    out.add(Message.of("fields.view.value.invalid", clip(view.id())));
                }
            }
        }
        return out;
    }

    private static void field(String entity, FieldPlan.Field field, Set<String> seen, List<Message> out) {
        String name = field.name();
        if (!NAME.matcher(name).matches()) {
            out.add(Message.of("fields.name.invalid", clip(name)));
            return;
        }
        String column = column(name);
        if (column.length() > MAX_COLUMN) {
            out.add(Message.of("fields.name.too-long", clip(name), MAX_COLUMN));
            return;
        }
        String bare = name.substring(1).toLowerCase(Locale.ROOT);
        if (RESERVED.contains(bare) || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            out.add(Message.of("fields.name.reserved", name));
        }
        if (LINK_SUFFIX.matcher(name).matches()) {
            out.add(Message.of("fields.name.link-suffix", name));
        }
        if (!seen.add(entity + "." + column)) {
            out.add(Message.of("fields.name.duplicate", name, entity));
        }
        if (!CrmCustomFields.TYPES.contains(field.type())) {
            out.add(Message.of("fields.type.unsupported", name, clip(field.type())));
        }
        boolean enumerated = field.type().equals("enum") || field.type().equals("multiEnum");
        if (enumerated && field.options().isEmpty()) {
            out.add(Message.of("fields.options.missing", name));
        }
        if (field.options().size() > MAX_OPTIONS) {
            out.add(Message.of("fields.options.too-many", name, MAX_OPTIONS));
            return;
        }
        Set<String> options = new HashSet<>();
        for (String option : field.options()) {
            if (!OPTION.matcher(option).matches()) {
                out.add(Message.of("fields.option.invalid", name, clip(option)));
            } else if (!options.add(option)) {
                out.add(Message.of("fields.option.duplicate", name, option));
            }
        }
        text(name, field.label().fr(), out);
        text(name, field.label().en(), out);
        text(name, field.gdprPurpose(), out);
    }

    private static void text(String name, String value, List<Message> out) {
        if (value == null || value.isBlank() || value.length() > 255 || CONTROL.matcher(value).find()) {
            out.add(Message.of("fields.label.invalid", name));
        }
    }

    private static void id(String id, List<Message> out) {
        if (!ID.matcher(id).matches()) {
            out.add(Message.of("fields.id.invalid", clip(id)));
        }
    }

    private static void attribute(String name, List<Message> out) {
        if (name == null || !ATTRIBUTE.matcher(name).matches()) {
            out.add(Message.of("fields.attribute.invalid", clip(String.valueOf(name))));
        }
    }

    /** {@code cPoidsKg} -> {@code c_poids_kg}, EspoCRM's column naming. */
    static String column(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** Names quoted back in a refusal are cut and stripped of control characters (they come from a jar). */
    private static String clip(String s) {
        String clean = s == null ? "" : CONTROL.matcher(s).replaceAll("?");
        return clean.length() <= 60 ? clean : clean.substring(0, 60) + "…";
    }
}
