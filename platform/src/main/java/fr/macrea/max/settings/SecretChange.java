package fr.macrea.max.settings;

/**
 * What a save does to a stored secret. Secrets are never shown back, so a form cannot send them again: it keeps the
 * saved one, replaces it with a new value, or clears it.
 */
public record SecretChange(Kind kind, String value) {

    public enum Kind { KEEP, REPLACE, CLEAR }

    public static SecretChange keep() {
        return new SecretChange(Kind.KEEP, null);
    }

    public static SecretChange replace(String value) {
        return new SecretChange(Kind.REPLACE, value);
    }

    public static SecretChange clear() {
        return new SecretChange(Kind.CLEAR, null);
    }

    /** A password field's value: blank keeps the saved secret. */
    public static SecretChange typed(String value) {
        return value == null || value.isBlank() ? keep() : replace(value);
    }

    @Override
    public String toString() {
        return "SecretChange[" + kind + "]";
    }
}
