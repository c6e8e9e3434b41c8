package fr.macrea.max.crm;

import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns of a custom field, as EspoCRM's ORM makes them (reference §1.7, §1.10): {@code varchar} ->
 * {@code VARCHAR(255)}, {@code enum} -> {@code VARCHAR(100)}, {@code int} -> {@code INT}, {@code float} ->
 * {@code DOUBLE}, {@code currency} -> {@code DOUBLE} + {@code <column>_currency VARCHAR(3)}, {@code text} and
 * {@code multiEnum} -> {@code MEDIUMTEXT} (a JSON array, and one {@code array_value} row per value),
 * {@code bool} -> {@code TINYINT(1) NOT NULL DEFAULT 0}, {@code date} -> {@code DATE}, {@code datetime} ->
 * {@code DATETIME}. The same DDL runs on H2 (MySQL mode) and MariaDB.
 */
final class CustomColumns {

    /** The column definition per EspoCRM type: a constant, never built from input. */
    private static final Map<String, String> DDL = Map.of(
            "varchar", "VARCHAR(255) DEFAULT NULL",
            "enum", "VARCHAR(100) DEFAULT NULL",
            "int", "INT DEFAULT NULL",
            "float", "DOUBLE DEFAULT NULL",
            "currency", "DOUBLE DEFAULT NULL",
            "text", "MEDIUMTEXT DEFAULT NULL",
            "multiEnum", "MEDIUMTEXT DEFAULT NULL",
            "bool", "TINYINT(1) NOT NULL DEFAULT 0",
            "date", "DATE DEFAULT NULL",
            "datetime", "DATETIME DEFAULT NULL");
    static final Set<String> SUPPORTED = DDL.keySet();
    static final String CURRENCY_SUFFIX = "_currency";
    private static final String CURRENCY_DDL = "VARCHAR(3) DEFAULT NULL";

    private CustomColumns() {
    }

    /** Column name -> definition, in the order they are added (the amount before its currency). */
    static List<Map.Entry<String, String>> definitions(String column, String type) {
        String ddl = DDL.get(type);
        if (ddl == null) {
            throw new IllegalArgumentException("unsupported custom field type " + type);
        }
        List<Map.Entry<String, String>> out = new ArrayList<>();
        out.add(Map.entry(column, ddl));
        if (type.equals("currency")) {
            out.add(Map.entry(column + CURRENCY_SUFFIX, CURRENCY_DDL));
        }
        return out;
    }

    /** The typed jOOQ field of a custom column, so reads and writes convert values as for generated columns. */
    static Field<?> field(String column, String type) {
        return DSL.field(DSL.name(column), dataType(type));
    }

    static DataType<?> dataType(String type) {
        return switch (type) {
            case "varchar" -> SQLDataType.VARCHAR(255);
            case "enum" -> SQLDataType.VARCHAR(100);
            case "int" -> SQLDataType.INTEGER;
            case "float", "currency" -> SQLDataType.DOUBLE;
            case "bool" -> SQLDataType.TINYINT;
            case "date" -> SQLDataType.LOCALDATE;
            case "datetime" -> SQLDataType.LOCALDATETIME;
            default -> SQLDataType.CLOB;
        };
    }

    /**
     * The EspoCRM type of a column found in the schema without a catalogue entry (created in EspoCRM by hand): the
     * closest reading of its SQL type.
     */
    static String typeOf(String sqlType) {
        String t = sqlType == null ? "" : sqlType.toLowerCase(Locale.ROOT);
        if (t.contains("tinyint") || t.contains("boolean")) {
            return "bool";
        }
        if (t.contains("int")) {
            return "int";
        }
        if (t.contains("double") || t.contains("float") || t.contains("decimal") || t.contains("real")) {
            return "float";
        }
        if (t.equals("date")) {
            return "date";
        }
        if (t.contains("timestamp") || t.contains("datetime")) {
            return "datetime";
        }
        if (t.contains("text") || t.contains("clob")) {
            return "text";
        }
        return "varchar";
    }
}
