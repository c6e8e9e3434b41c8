package fr.macrea.max.wallet;

import fr.macrea.max.tenant.AddOn;
import fr.macrea.max.tenant.Plan;

/**
 * A per-feature right of SPEC §5, with the smallest plan that grants it and the add-on that grants it on a smaller
 * plan (if any). Locked rights are shown greyed with {@link #unlockedBy()}.
 */
public enum Right {
    BASIC_AI("IA de base (analyse, chat)", Plan.STANDARD, null),
    REPORTING("Reporting", Plan.STANDARD, null),
    BASIC_AUTOMATION("Scénarios de base (Relance J+3, Confirmation RDV, Qualification lead)", Plan.STANDARD, null),
    WHATSAPP_ASSISTED("Messages WhatsApp (assisté)", Plan.STANDARD, null),
    /** Writes on tags, notes and statuses: every plan. */
    CRM_BASIC_WRITE("Écriture des tags, notes et statuts", Plan.STANDARD, null),
    CREA("Espace Créa", Plan.PRO, null),
    FULL_AUTOMATION("Automatisation complète", Plan.PRO, null),
    /** Standard creates only in Assisté (drafts): Auto execution needs Pro. */
    AUTO_MODE("Mode Auto (exécution autonome)", Plan.PRO, null),
    FIELD_CREATION("Création de champs", Plan.PRO, AddOn.FICHE_METIER),
    FIELDS_REBUILD("Fields Rebuild", Plan.PRO, AddOn.FICHE_METIER),
    VERTICAL_BRAIN("Cerveau métier (templates, routines, KPI)", Plan.PRO, AddOn.FICHE_METIER),
    AI_CALLS("Appels IA", Plan.PRO, null),
    PRIORITY("Traitement prioritaire", Plan.STUDIO, null);

    private final String label;
    private final Plan minimumPlan;
    private final AddOn addOn;

    Right(String label, Plan minimumPlan, AddOn addOn) {
        this.label = label;
        this.minimumPlan = minimumPlan;
        this.addOn = addOn;
    }

    public String label() {
        return label;
    }

    public Plan minimumPlan() {
        return minimumPlan;
    }

    /** The add-on that also grants this right below {@link #minimumPlan()}, or null. */
    public AddOn addOn() {
        return addOn;
    }

    /** "Pro" or "Pro ou option Fiche métier": what the user needs to unlock it (French). */
    public String unlockedBy() {
        return addOn == null ? "plan " + minimumPlan.label() + " ou supérieur"
                : "plan " + minimumPlan.label() + " ou option « " + addOn.label() + " »";
    }
}
