package fr.macrea.max.brains.standard;

import fr.macrea.max.plugins.api.Brain;
import fr.macrea.max.plugins.api.BrainContext;
import fr.macrea.max.plugins.api.BrainContributions;
import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.plugins.api.CostCategory;
import fr.macrea.max.plugins.api.CreativeTemplate;
import fr.macrea.max.plugins.api.Criterion;
import fr.macrea.max.plugins.api.FieldPlan;
import fr.macrea.max.plugins.api.KpiDefinition;
import fr.macrea.max.plugins.api.Label;
import fr.macrea.max.plugins.api.LeadSegments;
import fr.macrea.max.plugins.api.Mode;
import fr.macrea.max.plugins.api.Scenario;
import fr.macrea.max.plugins.api.SuggestionRoutine;
import fr.macrea.max.plugins.api.SuggestionRoutine.ProposedAction;
import org.pf4j.Extension;

import java.time.Duration;
import java.util.List;

import static fr.macrea.max.plugins.api.Criterion.Operator.*;
import static fr.macrea.max.plugins.api.KpiDefinition.Period.*;

/**
 * The universal brain, active for every tenant on every plan: the brief's universal templates, the basic scenarios
 * of the Standard plan (Relance J+3, Confirmation RDV, Qualification lead), general KPIs and suggestions.
 */
@Extension
public class StandardBrain implements Brain {

    @Override
    public BrainContributions contribute(BrainContext context) {
        return BrainContributions.builder(
                Label.of("Standard", "Standard"),
                Label.of("Modèles, scénarios, KPIs et suggestions universels, inclus dans tous les plans.",
                        "Universal templates, scenarios, KPIs and suggestions, included in every plan."))
                .templates(templates()).kpis(kpis()).scenarios(scenarios()).suggestions(suggestions()).build();
    }

    private static List<CreativeTemplate> templates() {
        String tone = "Chaleureux, clair et professionnel ; vouvoiement ; phrases courtes.";
        return List.of(
                CreativeTemplate.of("annonce-produit", Label.of("Newsletter « Annonce produit »", "Newsletter \"Product launch\""),
                        Channel.NEWSLETTER, "{Lead.firstName}, découvrez notre nouveauté",
                        """
                        Bonjour {Lead.firstName},

                        Nous sommes heureux de vous présenter notre nouveauté, pensée pour vous simplifier la vie.
                        [Votre image ici]

                        Ce qui change pour vous :
                        • un gain de temps au quotidien ;
                        • une qualité contrôlée à chaque étape ;
                        • un accompagnement par notre équipe.

                        Répondez simplement à cet e-mail pour en savoir plus ou réserver une démonstration.

                        À très bientôt,
                        {User.name}
                        """, tone),
                CreativeTemplate.of("whatsapp-remerciement", Label.of("WhatsApp « Remerciement »", "WhatsApp \"Thank you\""),
                        Channel.WHATSAPP, "",
                        "Bonjour {Lead.firstName} 👋 Merci pour votre confiance ! Nous restons disponibles ici pour toute question. — {User.name}",
                        tone),
                CreativeTemplate.of("relance-devis-j3", Label.of("Relance devis J+3", "Quote follow-up D+3"),
                        Channel.EMAIL, "Votre devis — avez-vous des questions, {Lead.firstName} ?",
                        """
                        Bonjour {Lead.firstName},

                        Il y a trois jours, nous vous avons adressé notre proposition. Avez-vous pu la consulter ?
                        Je serais ravi(e) d'en parler avec vous et de l'ajuster si besoin.

                        Bien cordialement,
                        {User.name}
                        """, tone),
                CreativeTemplate.of("confirmation-rdv", Label.of("Confirmation RDV", "Appointment confirmation"),
                        Channel.SMS, "",
                        "Bonjour {Lead.firstName}, nous confirmons votre rendez-vous du {Meeting.dateStart}. Répondez OUI pour confirmer ou appelez-nous pour le déplacer.",
                        tone),
                CreativeTemplate.of("qualification-lead", Label.of("Qualification lead", "Lead qualification"),
                        Channel.EMAIL, "{Lead.firstName}, pouvons-nous mieux vous connaître ?",
                        """
                        Bonjour {Lead.firstName},

                        Merci pour votre intérêt. Pour vous proposer la solution la plus adaptée, pourriez-vous nous
                        dire en deux mots votre besoin, votre échéance et votre budget indicatif ?

                        Bien à vous,
                        {User.name}
                        """, tone));
    }

    private static List<KpiDefinition> kpis() {
        return List.of(
                KpiDefinition.count("leads-nouveaux", Label.of("Nouveaux leads", "New leads"), "Lead", LAST_30_DAYS),
                KpiDefinition.count("leads-actifs", Label.of("Leads actifs", "Active leads"), "Lead", ALL_TIME,
                        Criterion.of("status", NOT_IN, "Converted,Recycled,Dead")),
                KpiDefinition.ratio("taux-conversion", Label.of("Taux de conversion", "Conversion rate"), "Lead",
                        LAST_30_DAYS, List.of(), List.of(Criterion.of("status", EQUALS, "Converted"))),
                KpiDefinition.count("leads-par-source", Label.of("Leads par source", "Leads by source"), "Lead",
                        LAST_30_DAYS).groupedBy("source"),
                // the platform's own segment, so this KPI, the Reporting tile and the CRM filter agree
                KpiDefinition.count("leads-a-relancer", LeadSegments.A_RELANCER_LABEL, "Lead", ALL_TIME,
                        LeadSegments.A_RELANCER));
    }

    private static List<Scenario> scenarios() {
        return List.of(
                scenario("relance-j3", "Relance J+3", "Follow-up D+3",
                        "Trois jours après l'envoi d'un devis sans réponse, M.A.X. prépare une relance personnalisée.",
                        "Three days after a quote with no answer, M.A.X. drafts a personal follow-up.",
                        Scenario.Trigger.fieldChanged("Lead", "status", "In Process"), Duration.ofDays(3),
                        List.of(Criterion.of("status", EQUALS, "In Process")), Channel.EMAIL, "relance-devis-j3",
                        CostCategory.AUTO_FOLLOW_UP, Mode.ASSISTE),
                scenario("confirmation-rdv", "Confirmation RDV", "Appointment confirmation",
                        "La veille d'un rendez-vous, un SMS de confirmation part au contact.",
                        "The day before an appointment, a confirmation SMS goes to the contact.",
                        Scenario.Trigger.date("Meeting", "dateStart"), Duration.ofDays(-1),
                        List.of(Criterion.of("status", EQUALS, "Planned")), Channel.SMS, "confirmation-rdv",
                        CostCategory.N8N_AUTOMATION, Mode.ASSISTE),
                scenario("qualification-lead", "Qualification lead", "Lead qualification",
                        "À la création d'un lead, M.A.X. l'analyse et envoie un e-mail de qualification.",
                        "When a lead is created, M.A.X. analyses it and sends a qualification e-mail.",
                        Scenario.Trigger.created("Lead"), Duration.ZERO,
                        List.of(Criterion.of("emailAddress", IS_NOT_EMPTY, "")), Channel.EMAIL, "qualification-lead",
                        CostCategory.LEAD_ANALYSIS, Mode.CONSEIL));
    }

    private static List<SuggestionRoutine> suggestions() {
        return List.of(
                SuggestionRoutine.of("leads-non-relances",
                        Label.of("{count} leads non relancés depuis 5 jours : les relancer ?",
                                "{count} leads not followed up for 5 days: follow them up?"),
                        "Lead", List.of(LeadSegments.A_RELANCER), 1,
                        ProposedAction.of(ProposedAction.Kind.RUN_SCENARIO, "relance-j3",
                                Label.of("Créer une action IA", "Create an AI action"), Mode.ASSISTE)),
                SuggestionRoutine.of("leads-non-qualifies",
                        Label.of("{count} nouveaux leads attendent une qualification.",
                                "{count} new leads are waiting for qualification."),
                        "Lead", List.of(Criterion.of("status", EQUALS, "New"),
                        Criterion.of("createdAt", WITHIN_DAYS, "7")), 3,
                        ProposedAction.of(ProposedAction.Kind.ANALYSE_LEADS, "",
                                Label.of("Analyser les leads", "Analyse the leads"), Mode.CONSEIL)),
                SuggestionRoutine.of("clients-a-remercier",
                        Label.of("{count} leads convertis cette semaine : envoyer un WhatsApp de remerciement ?",
                                "{count} leads converted this week: send a thank-you WhatsApp?"),
                        "Lead", List.of(Criterion.of("status", EQUALS, "Converted"),
                        Criterion.of("modifiedAt", WITHIN_DAYS, "7")), 1,
                        ProposedAction.of(ProposedAction.Kind.DRAFT_MESSAGE, "whatsapp-remerciement",
                                Label.of("Préparer les messages", "Draft the messages"), Mode.ASSISTE)));
    }

    private static Scenario scenario(String id, String fr, String en, String descFr, String descEn,
                                     Scenario.Trigger trigger, Duration delay, List<Criterion> conditions,
                                     Channel channel, String template, CostCategory cost, Mode mode) {
        return Scenario.builder(id, Label.of(fr, en), Label.of(descFr, descEn)).trigger(trigger).delay(delay)
                .conditions(conditions).channel(channel).templateId(template).costCategory(cost).defaultMode(mode)
                .build();
    }
}
