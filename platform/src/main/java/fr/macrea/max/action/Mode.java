package fr.macrea.max.action;

/** The three modes of SPEC §3. Names and descriptions are message keys ({@code action.mode.*}), rendered by the UI. */
public enum Mode {
    CONSEIL("🟢"),
    ASSISTE("🟡"),
    AUTO("🔴");

    private final String emoji;

    Mode(String emoji) {
        this.emoji = emoji;
    }

    /** "Conseil", "Assisté", "Auto" in the user's language. */
    public String labelKey() {
        return "action.mode." + name();
    }

    public String emoji() {
        return emoji;
    }

    /** What the mode lets M.A.X. do, in one line. */
    public String descriptionKey() {
        return "action.mode." + name() + ".description";
    }
}
