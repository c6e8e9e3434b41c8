package fr.macrea.max.action;

/** The three modes of SPEC §3. */
public enum Mode {
    CONSEIL("Conseil", "🟢", "Observe, analyse et suggère : lecture seule"),
    ASSISTE("Assisté", "🟡", "Prépare des brouillons : rien ne s'exécute sans validation"),
    AUTO("Auto", "🔴", "Exécute, avec double confirmation, annulation et remboursement en cas d'échec");

    private final String label;
    private final String emoji;
    private final String description;

    Mode(String label, String emoji, String description) {
        this.label = label;
        this.emoji = emoji;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String emoji() {
        return emoji;
    }

    public String description() {
        return description;
    }
}
