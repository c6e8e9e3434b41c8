package fr.macrea.max.tenant;

/** Options a platform admin can add to a tenant's plan (SPEC §5). */
public enum AddOn {
    /** "Fiche métier": Fields Rebuild, specialised templates, vertical routines and KPIs. */
    FICHE_METIER("Fiche métier"),
    /** One hour of AI voice calls per month (Logistique Pro). */
    VOIX_IA("Appels IA (1 h / mois)");

    private final String label;

    AddOn(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
