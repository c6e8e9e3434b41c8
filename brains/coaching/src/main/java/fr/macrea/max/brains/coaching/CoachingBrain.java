package fr.macrea.max.brains.coaching;

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
 * Coaching (coachs, thérapeutes bien-être, formateurs): goals, programme and session fields, the discovery call ->
 * programme pipeline, session confirmations, between-session check-ins and end-of-programme reviews; KPIs on
 * discovery-call conversion, sessions held and programme completion.
 */
@Extension
public class CoachingBrain implements Brain {

    static final String TONE = "Bienveillant, motivant et sobre ; vouvoiement ; questions ouvertes, aucun jugement.";

    @Override
    public BrainContributions contribute(BrainContext context) {
        return BrainContributions.builder(
                Label.of("Coaching", "Coaching"),
                Label.of("Appels découverte, séances, programmes et suivi entre les séances pour coachs et thérapeutes.",
                        "Discovery calls, sessions, programmes and between-session follow-up for coaches and therapists."))
                .fieldPlan(fieldPlan()).templates(templates()).kpis(kpis()).scenarios(scenarios())
                .suggestions(suggestions()).build();
    }

    private static FieldPlan fieldPlan() {
        String accompagnement = "Réalisation de l'accompagnement (art. 6.1.b RGPD)";
        List<Field> lead = List.of(
                Field.of("cEtapeCoaching", "enum", Label.of("Étape", "Stage"), accompagnement,
                        "contact", "appel_decouverte", "proposition", "programme_en_cours", "programme_termine", "alumni"),
                Field.of("cObjectif", "text", Label.of("Objectif principal", "Main goal"), accompagnement),
                Field.of("cDomaine", "enum", Label.of("Domaine", "Area"), accompagnement,
                        "carriere", "leadership", "bien_etre", "reconversion", "prise_de_parole", "equilibre_vie"),
                Field.of("cProgramme", "enum", Label.of("Programme", "Programme"), accompagnement,
                        "decouverte", "essentiel_5_seances", "intensif_10_seances", "sur_mesure"),
                Field.of("cSeancesPrevues", "int", Label.of("Séances prévues", "Planned sessions"), accompagnement),
                Field.of("cSeancesRealisees", "int", Label.of("Séances réalisées", "Sessions held"), accompagnement),
                Field.of("cDateAppelDecouverte", "date", Label.of("Date de l'appel découverte", "Discovery call date"), accompagnement),
                Field.of("cDateDebutProgramme", "date", Label.of("Début du programme", "Programme start"), accompagnement),
                Field.of("cProchaineSeance", "datetime", Label.of("Prochaine séance", "Next session"), accompagnement),
                Field.of("cFormatSeance", "enum", Label.of("Format", "Format"), accompagnement, "visio", "presentiel", "telephone"),
                Field.of("cSatisfaction", "int", Label.of("Satisfaction (1-10)", "Satisfaction (1-10)"),
                        "Amélioration du service (intérêt légitime, art. 6.1.f RGPD)"));
        return FieldPlan.of(
                List.of(FieldPlan.EntityFields.of("Lead", lead)),
                List.of(FieldPlan.Pipeline.of("parcours-coaching", Label.of("Parcours coaching", "Coaching journey"), "Lead",
                        "cEtapeCoaching", List.of(
                        Stage.of("contact", Label.of("Premier contact", "First contact"), 10),
                        Stage.of("appel_decouverte", Label.of("Appel découverte", "Discovery call"), 30),
                        Stage.of("proposition", Label.of("Proposition envoyée", "Proposal sent"), 50),
                        Stage.of("programme_en_cours", Label.of("Programme en cours", "Programme running"), 100),
                        Stage.of("programme_termine", Label.of("Programme terminé", "Programme completed"), 100),
                        Stage.of("alumni", Label.of("Alumni", "Alumni"), 100)))),
                List.of(FieldPlan.Tag.of("particulier", Label.of("Particulier", "Individual")),
                        FieldPlan.Tag.of("entreprise", Label.of("Entreprise", "Company")),
                        FieldPlan.Tag.of("cpf", Label.of("Financement CPF", "CPF funding")),
                        FieldPlan.Tag.of("recommande", Label.of("Recommandé par un client", "Referred by a client"))),
                List.of(FieldPlan.View.of("seances-a-venir", Label.of("Séances à venir", "Upcoming sessions"), "Lead",
                                List.of("name", "cProgramme", "cProchaineSeance", "cFormatSeance"),
                                List.of(Criterion.of("cProchaineSeance", WITHIN_DAYS, "7"))),
                        FieldPlan.View.of("propositions-en-attente", Label.of("Propositions en attente", "Pending proposals"),
                                "Lead", List.of("name", "cDomaine", "cProgramme", "cDateAppelDecouverte"),
                                List.of(Criterion.of("cEtapeCoaching", EQUALS, "proposition")))));
    }

    private static List<CreativeTemplate> templates() {
        return List.of(
                CreativeTemplate.of("suite-appel-decouverte", Label.of("E-mail « Suite à notre appel »", "E-mail \"Following our call\""),
                        Channel.EMAIL, "{Lead.firstName}, suite à notre échange",
                        """
                        Bonjour {Lead.firstName},

                        Merci pour notre échange. Vous m'avez partagé votre objectif : {Lead.cObjectif}.
                        Comme convenu, je vous propose le programme {Lead.cProgramme}, en {Lead.cFormatSeance}.

                        Je reste disponible pour en parler avant de démarrer.
                        Belle journée,
                        {User.name}
                        """, TONE),
                CreativeTemplate.of("confirmation-seance", Label.of("SMS « Confirmation de séance »", "SMS \"Session confirmation\""),
                        Channel.SMS, "",
                        "Bonjour {Lead.firstName}, je vous confirme notre séance du {Lead.cProchaineSeance} ({Lead.cFormatSeance}). À très vite ! {User.name}",
                        TONE),
                CreativeTemplate.of("check-in-entre-seances", Label.of("WhatsApp « Entre deux séances »", "WhatsApp \"Between sessions\""),
                        Channel.WHATSAPP, "",
                        "Bonjour {Lead.firstName} 🌱 Comment avance l'action que vous vous étiez fixée lors de notre dernière séance ? Un mot suffit, on en reparle la prochaine fois.",
                        TONE),
                CreativeTemplate.of("bilan-fin-programme", Label.of("E-mail « Bilan de fin de programme »", "E-mail \"End-of-programme review\""),
                        Channel.EMAIL, "{Lead.firstName}, votre bilan de programme",
                        """
                        Bonjour {Lead.firstName},

                        Votre programme s'achève : bravo pour le chemin parcouru ! Pour clore ce cycle, pourriez-vous
                        noter votre satisfaction de 1 à 10 et me dire ce qui vous a le plus aidé(e) ?

                        Si un proche pourrait en bénéficier, je serai heureux(se) de l'accompagner.
                        {User.name}
                        """, TONE));
    }

    private static List<KpiDefinition> kpis() {
        return List.of(
                KpiDefinition.count("appels-decouverte", Label.of("Appels découverte", "Discovery calls"), "Lead",
                        CURRENT_MONTH, Criterion.of("cDateAppelDecouverte", WITHIN_DAYS, "31")),
                KpiDefinition.ratio("conversion-decouverte", Label.of("Conversion appel découverte → programme",
                                "Discovery call → programme conversion"), "Lead", LAST_30_DAYS,
                        List.of(Criterion.of("cDateAppelDecouverte", IS_NOT_EMPTY, "")),
                        List.of(Criterion.of("cEtapeCoaching", IN, "programme_en_cours,programme_termine,alumni"))),
                KpiDefinition.count("seances-realisees", Label.of("Séances réalisées", "Sessions held"), "Meeting",
                        CURRENT_MONTH, Criterion.of("status", EQUALS, "Held")),
                KpiDefinition.averageDaysBetween("delai-decision", Label.of("Délai moyen de décision", "Average decision time"),
                        "Lead", "cDateAppelDecouverte", "cDateDebutProgramme", CURRENT_QUARTER,
                        Criterion.of("cDateDebutProgramme", IS_NOT_EMPTY, "")),
                KpiDefinition.average("satisfaction-moyenne", Label.of("Satisfaction moyenne", "Average satisfaction"), "Lead",
                        "cSatisfaction", ALL_TIME, Criterion.of("cSatisfaction", IS_NOT_EMPTY, "")).withUnit("/10"));
    }

    private static List<Scenario> scenarios() {
        return List.of(
                scenario("suite-appel-decouverte", "Suite à l'appel découverte", "After the discovery call",
                        "Le lendemain de l'appel découverte, e-mail de proposition personnalisé.",
                        "The day after the discovery call, a personal proposal e-mail.",
                        Trigger.fieldChanged("Lead", "cEtapeCoaching", "appel_decouverte"), Duration.ofDays(1), List.of(),
                        Channel.EMAIL, "suite-appel-decouverte", CostCategory.AUTO_FOLLOW_UP, Mode.ASSISTE),
                scenario("confirmation-seance", "Confirmation de séance J-1", "Session confirmation D-1",
                        "La veille de chaque séance, SMS de confirmation.",
                        "The day before each session, a confirmation SMS.",
                        Trigger.date("Lead", "cProchaineSeance"), Duration.ofDays(-1), List.of(), Channel.SMS,
                        "confirmation-seance", CostCategory.N8N_AUTOMATION, Mode.AUTO),
                scenario("check-in-j3", "Check-in J+3 après séance", "Check-in D+3 after a session",
                        "Trois jours après une séance, un message d'encouragement.",
                        "Three days after a session, an encouraging message.",
                        Trigger.fieldChanged("Lead", "cSeancesRealisees", ""), Duration.ofDays(3),
                        List.of(Criterion.of("cEtapeCoaching", EQUALS, "programme_en_cours")), Channel.WHATSAPP,
                        "check-in-entre-seances", CostCategory.WHATSAPP_MESSAGE, Mode.ASSISTE),
                scenario("bilan-fin-programme", "Bilan de fin de programme", "End-of-programme review",
                        "À la fin du programme, e-mail de bilan et de demande de recommandation.",
                        "When the programme ends, a review and referral e-mail.",
                        Trigger.fieldChanged("Lead", "cEtapeCoaching", "programme_termine"), Duration.ZERO, List.of(),
                        Channel.EMAIL, "bilan-fin-programme", CostCategory.N8N_AUTOMATION, Mode.ASSISTE));
    }

    private static List<SuggestionRoutine> suggestions() {
        return List.of(
                SuggestionRoutine.of("propositions-sans-reponse",
                        Label.of("{count} propositions sans réponse depuis 5 jours : relancer en douceur ?",
                                "{count} proposals unanswered for 5 days: follow up gently?"),
                        "Lead", List.of(Criterion.of("cEtapeCoaching", EQUALS, "proposition"),
                        Criterion.of("modifiedAt", OLDER_THAN_DAYS, "5")), 1,
                        ProposedAction.of(ProposedAction.Kind.RUN_SCENARIO, "suite-appel-decouverte",
                                Label.of("Relancer", "Follow up"), Mode.ASSISTE)),
                SuggestionRoutine.of("clients-sans-seance",
                        Label.of("{count} clients en programme sans séance planifiée : proposer des créneaux ?",
                                "{count} clients in a programme without a planned session: offer slots?"),
                        "Lead", List.of(Criterion.of("cEtapeCoaching", EQUALS, "programme_en_cours"),
                        Criterion.of("cProchaineSeance", IS_EMPTY, "")), 1,
                        ProposedAction.of(ProposedAction.Kind.CREATE_TASKS, "",
                                Label.of("Créer les tâches", "Create the tasks"), Mode.ASSISTE)));
    }

    private static Scenario scenario(String id, String fr, String en, String descFr, String descEn, Trigger trigger,
                                     Duration delay, List<Criterion> conditions, Channel channel, String template,
                                     CostCategory cost, Mode mode) {
        return Scenario.builder(id, Label.of(fr, en), Label.of(descFr, descEn)).trigger(trigger).delay(delay)
                .conditions(conditions).channel(channel).templateId(template).costCategory(cost).defaultMode(mode)
                .build();
    }
}
