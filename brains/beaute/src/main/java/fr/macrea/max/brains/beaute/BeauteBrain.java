package fr.macrea.max.brains.beaute;

import fr.macrea.max.plugins.api.Brain;
import fr.macrea.max.plugins.api.BrainContext;
import fr.macrea.max.plugins.api.BrainContributions;
import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.plugins.api.CostCategory;
import fr.macrea.max.plugins.api.CreativeTemplate;
import fr.macrea.max.plugins.api.Criterion;
import fr.macrea.max.plugins.api.FieldPlan;
import fr.macrea.max.plugins.api.FieldPlan.Field;
import fr.macrea.max.plugins.api.FieldPlan.Stage;
import fr.macrea.max.plugins.api.KpiDefinition;
import fr.macrea.max.plugins.api.Label;
import fr.macrea.max.plugins.api.Mode;
import fr.macrea.max.plugins.api.Scenario;
import fr.macrea.max.plugins.api.Scenario.Trigger;
import fr.macrea.max.plugins.api.SuggestionRoutine;
import fr.macrea.max.plugins.api.SuggestionRoutine.ProposedAction;
import org.pf4j.Extension;

import java.time.Duration;
import java.util.List;

import static fr.macrea.max.plugins.api.Criterion.Operator.*;
import static fr.macrea.max.plugins.api.KpiDefinition.Period.*;

/**
 * Beauté (instituts, salons, marques cosmétiques): skin / hair profile and appointment fields with their GDPR
 * purposes, the "Routine beauté" newsletter, appointment reminders, post-treatment advice and re-booking; KPIs on
 * appointments, no-shows and re-booking.
 */
@Extension
public class BeauteBrain implements Brain {

    static final String TONE = "Doux, expert et attentionné ; vouvoiement ; conseils concrets, jamais de promesse médicale.";

    @Override
    public BrainContributions contribute(BrainContext context) {
        return BrainContributions.builder(
                Label.of("Beauté", "Beauty"),
                Label.of("Rendez-vous, routines beauté et fidélisation pour instituts, salons et marques cosmétiques.",
                        "Appointments, beauty routines and loyalty for salons, spas and cosmetics brands."))
                .fieldPlan(fieldPlan()).templates(templates()).kpis(kpis()).scenarios(scenarios())
                .suggestions(suggestions()).build();
    }

    private static FieldPlan fieldPlan() {
        String prestation = "Réalisation des prestations et conseil personnalisé (art. 6.1.b RGPD)";
        String marketing = "Fidélisation et offres avec consentement (art. 6.1.a RGPD)";
        List<Field> lead = List.of(
                Field.of("cTypePeau", "enum", Label.of("Type de peau", "Skin type"), prestation,
                        "normale", "seche", "grasse", "mixte", "sensible"),
                Field.of("cTypeCheveux", "enum", Label.of("Type de cheveux", "Hair type"), prestation,
                        "fins", "epais", "boucles", "colores", "abimes"),
                Field.of("cPreoccupations", "multiEnum", Label.of("Préoccupations", "Concerns"), prestation,
                        "hydratation", "anti_age", "eclat", "imperfections", "taches", "detente"),
                Field.of("cAllergies", "text", Label.of("Allergies et contre-indications déclarées",
                        "Declared allergies and contraindications"),
                        "Sécurité des soins, avec consentement explicite (art. 9.2.a RGPD), supprimé 3 ans après le dernier soin"),
                Field.of("cPrestationPreferee", "enum", Label.of("Prestation préférée", "Favourite treatment"), prestation,
                        "soin_visage", "massage", "epilation", "manucure", "coiffure", "maquillage"),
                Field.of("cDernierRdv", "date", Label.of("Dernier rendez-vous", "Last appointment"), prestation),
                Field.of("cProchainRdv", "datetime", Label.of("Prochain rendez-vous", "Next appointment"), prestation),
                Field.of("cNombreVisites", "int", Label.of("Nombre de visites", "Number of visits"), prestation),
                Field.of("cAbsences", "int", Label.of("Rendez-vous manqués", "Missed appointments"), prestation),
                Field.of("cDateAnniversaire", "date", Label.of("Date d'anniversaire", "Birthday"), marketing),
                Field.of("cCarteFidelite", "enum", Label.of("Carte fidélité", "Loyalty card"), marketing,
                        "aucune", "silver", "gold"));
        return FieldPlan.of(
                List.of(FieldPlan.EntityFields.of("Lead", lead)),
                List.of(FieldPlan.Pipeline.of("parcours-beaute", Label.of("Parcours cliente", "Client journey"), "Lead",
                        "status", List.of(
                        Stage.of("New", Label.of("Premier contact", "First contact"), 10),
                        Stage.of("Assigned", Label.of("Diagnostic proposé", "Consultation offered"), 30),
                        Stage.of("In Process", Label.of("Premier soin réservé", "First treatment booked"), 60),
                        Stage.of("Converted", Label.of("Cliente fidèle", "Regular client"), 100)))),
                List.of(FieldPlan.Tag.of("soin-visage", Label.of("Soin visage", "Facial")),
                        FieldPlan.Tag.of("routine", Label.of("Routine beauté", "Beauty routine")),
                        FieldPlan.Tag.of("carte-cadeau", Label.of("Carte cadeau", "Gift card")),
                        FieldPlan.Tag.of("vip", Label.of("VIP", "VIP"))),
                List.of(FieldPlan.View.of("rdv-semaine", Label.of("Rendez-vous de la semaine", "This week's appointments"),
                                "Lead", List.of("name", "phoneNumber", "cProchainRdv", "cPrestationPreferee"),
                                List.of(Criterion.of("cProchainRdv", WITHIN_DAYS, "7"))),
                        FieldPlan.View.of("clientes-a-revoir", Label.of("Clientes à revoir", "Clients to see again"), "Lead",
                                List.of("name", "cDernierRdv", "cNombreVisites", "cCarteFidelite"),
                                List.of(Criterion.of("cDernierRdv", OLDER_THAN_DAYS, "60")))));
    }

    private static List<CreativeTemplate> templates() {
        return List.of(
                CreativeTemplate.of("routine-beaute", Label.of("Newsletter « Routine beauté »", "Newsletter \"Beauty routine\""),
                        Channel.NEWSLETTER, "{Lead.firstName}, votre routine de saison en 3 gestes",
                        """
                        Bonjour {Lead.firstName},

                        [Votre image ici]
                        Avec le changement de saison, votre peau a besoin d'attention. Notre routine en 3 gestes :
                        1. Nettoyer en douceur, matin et soir.
                        2. Hydrater avec un soin adapté à votre type de peau.
                        3. Protéger, même quand le ciel est gris.

                        Nos expertes vous conseillent avec plaisir lors de votre prochain rendez-vous.
                        L'équipe {Account.name}
                        """, TONE),
                CreativeTemplate.of("rappel-rdv", Label.of("SMS « Rappel rendez-vous »", "SMS \"Appointment reminder\""),
                        Channel.SMS, "",
                        "Bonjour {Lead.firstName}, nous vous attendons le {Lead.cProchainRdv} chez {Account.name}. Un empêchement ? Prévenez-nous 24 h avant, merci !",
                        TONE),
                CreativeTemplate.of("conseils-apres-soin", Label.of("WhatsApp « Conseils après soin »", "WhatsApp \"Aftercare tips\""),
                        Channel.WHATSAPP, "",
                        "Merci pour votre visite {Lead.firstName} 🌸 Pour prolonger les effets de votre soin : hydratez matin et soir et évitez le soleil 48 h. À bientôt !",
                        TONE),
                CreativeTemplate.of("invitation-reprise-rdv", Label.of("E-mail « On vous attend »", "E-mail \"We miss you\""),
                        Channel.EMAIL, "{Lead.firstName}, un moment pour vous ?",
                        """
                        Bonjour {Lead.firstName},

                        Cela fait un moment que nous ne vous avons pas vue. Offrez-vous une pause : votre soin préféré
                        vous attend, avec une attention offerte pour votre retour.

                        Réservez en répondant à cet e-mail.
                        L'équipe {Account.name}
                        """, TONE),
                CreativeTemplate.of("anniversaire", Label.of("SMS « Anniversaire »", "SMS \"Birthday\""), Channel.SMS, "",
                        "Joyeux anniversaire {Lead.firstName} 🎂 Toute l'équipe {Account.name} vous offre -20 % sur le soin de votre choix ce mois-ci.",
                        TONE));
    }

    private static List<KpiDefinition> kpis() {
        return List.of(
                KpiDefinition.count("rdv-pris", Label.of("Rendez-vous pris", "Appointments booked"), "Meeting",
                        CURRENT_MONTH),
                KpiDefinition.ratio("taux-absence", Label.of("Taux de rendez-vous manqués", "No-show rate"), "Meeting",
                        LAST_30_DAYS, List.of(Criterion.of("status", IN, "Held,Not Held")),
                        List.of(Criterion.of("status", EQUALS, "Not Held"))),
                KpiDefinition.ratio("taux-reprise-rdv", Label.of("Taux de reprise de rendez-vous", "Re-booking rate"),
                        "Lead", LAST_30_DAYS, List.of(Criterion.of("cDernierRdv", WITHIN_DAYS, "30")),
                        List.of(Criterion.of("cProchainRdv", IS_NOT_EMPTY, ""))),
                KpiDefinition.average("visites-moyennes", Label.of("Visites moyennes par cliente", "Average visits per client"),
                        "Lead", "cNombreVisites", ALL_TIME).withUnit("visites"),
                KpiDefinition.count("clientes-par-prestation", Label.of("Clientes par prestation", "Clients per treatment"),
                        "Lead", ALL_TIME).groupedBy("cPrestationPreferee"));
    }

    private static List<Scenario> scenarios() {
        return List.of(
                scenario("rappel-rdv-j1", "Rappel rendez-vous J-1", "Appointment reminder D-1",
                        "La veille du rendez-vous, SMS de rappel pour réduire les absences.",
                        "The day before the appointment, a reminder SMS to reduce no-shows.",
                        Trigger.date("Lead", "cProchainRdv"), Duration.ofDays(-1), List.of(), Channel.SMS, "rappel-rdv",
                        CostCategory.N8N_AUTOMATION, Mode.AUTO),
                scenario("conseils-apres-soin", "Conseils après soin", "Aftercare tips",
                        "Deux heures après le soin, conseils personnalisés par WhatsApp.",
                        "Two hours after the treatment, personal tips on WhatsApp.",
                        Trigger.fieldChanged("Lead", "cDernierRdv", ""), Duration.ofHours(2), List.of(), Channel.WHATSAPP,
                        "conseils-apres-soin", CostCategory.WHATSAPP_MESSAGE, Mode.ASSISTE),
                scenario("reprise-rdv-j45", "Reprise de rendez-vous J+45", "Re-booking D+45",
                        "45 jours après le dernier soin sans nouveau rendez-vous, invitation à revenir.",
                        "45 days after the last treatment with no new booking, an invitation to come back.",
                        Trigger.date("Lead", "cDernierRdv"), Duration.ofDays(45),
                        List.of(Criterion.of("cProchainRdv", IS_EMPTY, "")), Channel.EMAIL, "invitation-reprise-rdv",
                        CostCategory.AUTO_FOLLOW_UP, Mode.ASSISTE),
                scenario("anniversaire", "Anniversaire", "Birthday",
                        "Le jour de l'anniversaire, SMS avec une attention.",
                        "On the birthday, an SMS with a treat.",
                        Trigger.date("Lead", "cDateAnniversaire"), Duration.ZERO, List.of(), Channel.SMS, "anniversaire",
                        CostCategory.N8N_AUTOMATION, Mode.ASSISTE));
    }

    private static List<SuggestionRoutine> suggestions() {
        return List.of(
                SuggestionRoutine.of("clientes-sans-rdv",
                        Label.of("{count} clientes n'ont pas repris rendez-vous depuis 60 jours : les inviter ?",
                                "{count} clients have not re-booked for 60 days: invite them?"),
                        "Lead", List.of(Criterion.of("cDernierRdv", OLDER_THAN_DAYS, "60"),
                        Criterion.of("cProchainRdv", IS_EMPTY, "")), 1,
                        ProposedAction.of(ProposedAction.Kind.RUN_SCENARIO, "reprise-rdv-j45",
                                Label.of("Inviter à revenir", "Invite them back"), Mode.ASSISTE)),
                SuggestionRoutine.of("routine-saison",
                        Label.of("{count} clientes « soin visage » : leur envoyer la routine de saison ?",
                                "{count} facial clients: send them the seasonal routine?"),
                        "Lead", List.of(Criterion.of("cPrestationPreferee", EQUALS, "soin_visage")), 10,
                        ProposedAction.of(ProposedAction.Kind.DRAFT_MESSAGE, "routine-beaute",
                                Label.of("Préparer la newsletter", "Draft the newsletter"), Mode.ASSISTE)));
    }

    private static Scenario scenario(String id, String fr, String en, String descFr, String descEn, Trigger trigger,
                                     Duration delay, List<Criterion> conditions, Channel channel, String template,
                                     CostCategory cost, Mode mode) {
        return Scenario.builder(id, Label.of(fr, en), Label.of(descFr, descEn)).trigger(trigger).delay(delay)
                .conditions(conditions).channel(channel).templateId(template).costCategory(cost).defaultMode(mode)
                .build();
    }
}
