package fr.macrea.max.wallet;

import fr.macrea.max.shared.Message;
import fr.macrea.max.tenant.AddOn;
import fr.macrea.max.tenant.Plan;

/**
 * A per-feature right of SPEC §5, with the smallest plan that grants it and the add-on that grants it on a smaller
 * plan (if any). Locked rights are shown greyed with {@link #unlockedBy()}. Names are message keys
 * ({@code wallet.right.*}), rendered by the UI.
 */
public enum Right {
    BASIC_AI(Plan.STANDARD, null),
    REPORTING(Plan.STANDARD, null),
    BASIC_AUTOMATION(Plan.STANDARD, null),
    WHATSAPP_ASSISTED(Plan.STANDARD, null),
    /** Writes on tags, notes and statuses: every plan. */
    CRM_BASIC_WRITE(Plan.STANDARD, null),
    CREA(Plan.PRO, null),
    FULL_AUTOMATION(Plan.PRO, null),
    /** Standard creates only in Assisté (drafts): Auto execution needs Pro. */
    AUTO_MODE(Plan.PRO, null),
    FIELD_CREATION(Plan.PRO, AddOn.FICHE_METIER),
    FIELDS_REBUILD(Plan.PRO, AddOn.FICHE_METIER),
    VERTICAL_BRAIN(Plan.PRO, AddOn.FICHE_METIER),
    AI_CALLS(Plan.PRO, null),
    PRIORITY(Plan.STUDIO, null);

    private final Plan minimumPlan;
    private final AddOn addOn;

    Right(Plan minimumPlan, AddOn addOn) {
        this.minimumPlan = minimumPlan;
        this.addOn = addOn;
    }

    public String labelKey() {
        return "wallet.right." + name();
    }

    public Plan minimumPlan() {
        return minimumPlan;
    }

    /** The add-on that also grants this right below {@link #minimumPlan()}, or null. */
    public AddOn addOn() {
        return addOn;
    }

    /** "plan Pro ou supérieur" or "plan Pro ou option « Fiche métier »": what the user needs to unlock it. */
    public Message unlockedBy() {
        return addOn == null ? Message.of("wallet.right.unlocked-by.plan", minimumPlan.label())
                : Message.of("wallet.right.unlocked-by.add-on", minimumPlan.label(), Message.of(addOn.labelKey()));
    }
}
