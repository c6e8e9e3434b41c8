package fr.macrea.max.tenant;

/** Options a platform admin can add to a tenant's plan (SPEC §5). */
public enum AddOn {
    /** "Fiche métier": Fields Rebuild, specialised templates, vertical routines and KPIs. */
    FICHE_METIER,
    /** One hour of AI voice calls per month (Logistique Pro). */
    VOIX_IA;

    /** The name users read, as a key of the tenant bundle ({@code tenant.add-on.FICHE_METIER}). */
    public String labelKey() {
        return "tenant.add-on." + name();
    }
}
