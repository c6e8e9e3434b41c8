package fr.macrea.max.action;

/** Where an action ended (action log status). */
public enum ActionStatus {
    RUNNING("En cours"),
    COMPLETED("Réussie"),
    FAILED("Échouée, remboursée"),
    REFUSED("Refusée (solde insuffisant)"),
    DRAFTED("Brouillon en attente"),
    UNDONE("Annulée, remboursée");

    private final String label;

    ActionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
