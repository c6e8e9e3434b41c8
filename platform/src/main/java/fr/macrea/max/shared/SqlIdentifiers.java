package fr.macrea.max.shared;

import java.util.regex.Pattern;

/** Whitelist checks for identifiers that must be rendered into SQL (schema and column names). */
public final class SqlIdentifiers {

    private static final Pattern SCHEMA = Pattern.compile("[a-z][a-z0-9_]{1,63}");

    private SqlIdentifiers() {
    }

    public static String requireSchemaName(String name) {
        if (name == null || !SCHEMA.matcher(name).matches()) {
            throw new IllegalArgumentException("illegal schema name: " + name);
        }
        return name;
    }
}
