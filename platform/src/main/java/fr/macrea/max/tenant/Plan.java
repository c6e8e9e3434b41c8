package fr.macrea.max.tenant;

/** Commercial plans of SPEC §5. Allowances and rights live in the wallet feature. */
public enum Plan {
    STANDARD("Standard"),
    PRO("Pro"),
    STUDIO("Studio");

    private final String label;

    Plan(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
