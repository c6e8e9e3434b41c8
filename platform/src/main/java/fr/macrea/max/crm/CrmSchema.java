package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;
import org.jooq.Field;
import org.jooq.Table;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static fr.macrea.max.db.crm.Tables.ACCOUNT;
import static fr.macrea.max.db.crm.Tables.CALL;
import static fr.macrea.max.db.crm.Tables.CAMPAIGN;
import static fr.macrea.max.db.crm.Tables.CAMPAIGN_LOG_RECORD;
import static fr.macrea.max.db.crm.Tables.CONTACT;
import static fr.macrea.max.db.crm.Tables.EMAIL;
import static fr.macrea.max.db.crm.Tables.EMAIL_TEMPLATE;
import static fr.macrea.max.db.crm.Tables.EMAIL_TEMPLATE_CATEGORY;
import static fr.macrea.max.db.crm.Tables.LEAD;
import static fr.macrea.max.db.crm.Tables.MEETING;
import static fr.macrea.max.db.crm.Tables.NOTE;
import static fr.macrea.max.db.crm.Tables.TARGET_LIST;
import static fr.macrea.max.db.crm.Tables.TASK;
import static fr.macrea.max.db.crm.Tables.USER;

/**
 * EspoCRM entity types and attribute names mapped onto the generated tables (no SQL here). Attribute {@code fooBar}
 * is column {@code foo_bar}; a custom field may be named with or without EspoCRM's {@code c} prefix ({@code tags}
 * and {@code cTags} both reach {@code c_tags}).
 */
final class CrmSchema {

    private static final Map<String, Table<?>> TABLES = Map.ofEntries(
            Map.entry("Lead", LEAD), Map.entry("Contact", CONTACT), Map.entry("Account", ACCOUNT),
            Map.entry("Campaign", CAMPAIGN), Map.entry("CampaignLogRecord", CAMPAIGN_LOG_RECORD),
            Map.entry("TargetList", TARGET_LIST), Map.entry("EmailTemplate", EMAIL_TEMPLATE),
            Map.entry("EmailTemplateCategory", EMAIL_TEMPLATE_CATEGORY), Map.entry("Email", EMAIL),
            Map.entry("Call", CALL), Map.entry("Meeting", MEETING), Map.entry("Task", TASK), Map.entry("Note", NOTE),
            Map.entry("User", USER));
    /** Entity types with an e-mail address and a phone number (EspoCRM's link tables). */
    static final Set<String> WITH_EMAIL = Set.of("Lead", "Contact", "Account");
    /** Entity types whose {@code name} is first name + last name. */
    static final Set<String> PERSONS = Set.of("Lead", "Contact");

    private CrmSchema() {
    }

    static Table<?> table(String entityType) {
        Table<?> table = TABLES.get(entityType);
        if (table == null) {
            throw new CrmValidationException(Message.of("crm.entity.unknown", entityType));
        }
        return table;
    }

    static boolean supports(String entityType) {
        return TABLES.containsKey(entityType);
    }

    @SuppressWarnings("unchecked")
    static <T> Field<T> field(Table<?> table, String column) {
        Field<?> f = table.field(column);
        if (f == null) {
            throw new IllegalStateException("no column " + column + " in " + table.getName());
        }
        return (Field<T>) f;
    }

    /** The column behind an attribute, with or without the custom-field {@code c} prefix; null if none. */
    static Field<?> column(Table<?> table, String attribute) {
        String snake = snake(attribute);
        Field<?> f = table.field(snake);
        if (f == null && !snake.startsWith("c_")) {
            f = table.field("c_" + snake);
        }
        if (f == null && snake.startsWith("c_")) {
            f = table.field(snake.substring(2));
        }
        return f;
    }

    static String canonical(Table<?> table, String attribute) {
        Field<?> f = column(table, attribute);
        return f == null ? attribute : camel(f.getName());
    }

    static Field<String> id(Table<?> table) {
        return field(table, "id");
    }

    static Field<Byte> deleted(Table<?> table) {
        return field(table, "deleted");
    }

    static void putIfColumn(Table<?> table, Map<Field<?>, Object> values, String column, Object value) {
        Field<?> f = table.field(column);
        if (f != null) {
            values.put(f, value);
        }
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    static String camel(String snake) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }
}
