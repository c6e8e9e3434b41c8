package fr.macrea.max.action;

/**
 * The three modes of SPEC §3. Names and descriptions are message keys ({@code action.mode.*}), rendered by the UI,
 * which draws each mode's colour with an icon of its own: no emoji here, since a browser without an emoji font shows
 * them as empty boxes.
 */
public enum Mode {
    CONSEIL,
    ASSISTE,
    AUTO;

    /** "Conseil", "Assisté", "Auto" in the user's language. */
    public String labelKey() {
        return "action.mode." + name();
    }

    /** What the mode lets M.A.X. do, in one line. */
    public String descriptionKey() {
        return "action.mode." + name() + ".description";
    }
}
