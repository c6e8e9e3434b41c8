package fr.macrea.max.brains.logistique;

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
 * Logistique (transport, messagerie, fret): the "fiche métier" with Incoterm, DTD, poids, statut colis, transporteur,
 * numéro de suivi and pickup / delivery dates; the pipeline devis -> livraison; quote e-mails, parcel-tracking
 * WhatsApp, delivery-notice SMS and AI call scripts; quote follow-ups, transport alerts and J-1 / J+1 follow-ups;
 * KPIs devis traités, taux de réponse, délai moyen de confirmation.
 */
@Extension
public class LogistiqueBrain implements Brain {

    static final String TONE = "Fiable, précis et rassurant ; vouvoiement ; dates et références toujours citées.";

    @Override
    public BrainContributions contribute(BrainContext context) {
        return BrainContributions.builder(
                Label.of("Logistique", "Logistics"),
                Label.of("Devis transport, suivi colis, alertes et appels IA pour les transporteurs et commissionnaires.",
                        "Transport quotes, parcel tracking, alerts and AI calls for carriers and forwarders."))
                .fieldPlan(fieldPlan()).templates(templates()).kpis(kpis()).scenarios(scenarios())
                .suggestions(suggestions()).build();
    }

    private static FieldPlan fieldPlan() {
        String contrat = "Exécution du contrat de transport (art. 6.1.b RGPD)";
        String suivi = "Suivi de l'expédition et information du destinataire (art. 6.1.b RGPD)";
        List<Field> lead = List.of(
                Field.of("cEtapeLogistique", "enum", Label.of("Étape", "Stage"), contrat,
                        "demande", "devis_envoye", "devis_accepte", "enlevement_planifie", "en_transit", "livre", "facture"),
                Field.of("cIncoterm", "enum", Label.of("Incoterm", "Incoterm"), contrat,
                        "EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FAS", "FOB", "CFR", "CIF"),
                Field.of("cDtd", "bool", Label.of("Porte-à-porte (DTD)", "Door to door (DTD)"), contrat),
                Field.of("cPoidsKg", "float", Label.of("Poids (kg)", "Weight (kg)"), contrat),
                Field.of("cVolumeM3", "float", Label.of("Volume (m³)", "Volume (m³)"), contrat),
                Field.of("cNombreColis", "int", Label.of("Nombre de colis", "Number of parcels"), contrat),
                Field.of("cVilleEnlevement", "varchar", Label.of("Ville d'enlèvement", "Pickup city"), contrat),
                Field.of("cVilleLivraison", "varchar", Label.of("Ville de livraison", "Delivery city"), contrat),
                Field.of("cMontantDevis", "currency", Label.of("Montant du devis", "Quote amount"), contrat),
                Field.of("cDateDevis", "date", Label.of("Date du devis", "Quote date"), contrat),
                Field.of("cDateConfirmation", "date", Label.of("Date de confirmation", "Confirmation date"), contrat),
                Field.of("cStatutColis", "enum", Label.of("Statut colis", "Parcel status"), suivi,
                        "a_enlever", "enleve", "en_transit", "en_livraison", "livre", "incident", "retourne"),
                Field.of("cTransporteur", "varchar", Label.of("Transporteur", "Carrier"), suivi),
                Field.of("cNumeroSuivi", "varchar", Label.of("Numéro de suivi", "Tracking number"), suivi),
                Field.of("cDateEnlevement", "date", Label.of("Date d'enlèvement", "Pickup date"), suivi),
                Field.of("cDateLivraison", "date", Label.of("Date de livraison prévue", "Planned delivery date"), suivi),
                Field.of("cTypeMarchandise", "multiEnum", Label.of("Type de marchandise", "Goods type"), contrat,
                        "palette", "colis", "vrac", "frigorifique", "dangereux_adr", "hors_gabarit"));
        return FieldPlan.of(
                List.of(FieldPlan.EntityFields.of("Lead", lead)),
                List.of(FieldPlan.Pipeline.of("devis-livraison", Label.of("Devis → livraison", "Quote → delivery"),
                        "Lead", "cEtapeLogistique", List.of(
                        Stage.of("demande", Label.of("Demande reçue", "Request received"), 10),
                        Stage.of("devis_envoye", Label.of("Devis envoyé", "Quote sent"), 30),
                        Stage.of("devis_accepte", Label.of("Devis accepté", "Quote accepted"), 70),
                        Stage.of("enlevement_planifie", Label.of("Enlèvement planifié", "Pickup planned"), 80),
                        Stage.of("en_transit", Label.of("En transit", "In transit"), 90),
                        Stage.of("livre", Label.of("Livré", "Delivered"), 100),
                        Stage.of("facture", Label.of("Facturé", "Invoiced"), 100)))),
                List.of(FieldPlan.Tag.of("urgent", Label.of("Urgent", "Urgent")),
                        FieldPlan.Tag.of("international", Label.of("International", "International")),
                        FieldPlan.Tag.of("messagerie", Label.of("Messagerie", "Parcel service")),
                        FieldPlan.Tag.of("affretement", Label.of("Affrètement", "Chartering")),
                        FieldPlan.Tag.of("client-recurrent", Label.of("Client récurrent", "Repeat customer"))),
                List.of(FieldPlan.View.of("devis-a-relancer", Label.of("Devis à relancer", "Quotes to follow up"), "Lead",
                                List.of("name", "accountName", "cMontantDevis", "cDateDevis", "cVilleLivraison"),
                                List.of(Criterion.of("cEtapeLogistique", EQUALS, "devis_envoye"),
                                        Criterion.of("cDateDevis", OLDER_THAN_DAYS, "3"))),
                        FieldPlan.View.of("colis-en-cours", Label.of("Colis en cours", "Parcels in progress"), "Lead",
                                List.of("name", "cNumeroSuivi", "cTransporteur", "cStatutColis", "cDateLivraison"),
                                List.of(Criterion.of("cStatutColis", IN, "enleve,en_transit,en_livraison"))),
                        FieldPlan.View.of("incidents", Label.of("Incidents transport", "Transport incidents"), "Lead",
                                List.of("name", "cNumeroSuivi", "cTransporteur", "cDateLivraison", "assignedUserName"),
                                List.of(Criterion.of("cStatutColis", EQUALS, "incident")))));
    }

    private static List<CreativeTemplate> templates() {
        return List.of(
                CreativeTemplate.of("mail-devis", Label.of("Mail « Devis »", "E-mail \"Quote\""), Channel.EMAIL,
                        "Votre devis transport {Lead.cVilleEnlevement} → {Lead.cVilleLivraison}",
                        """
                        Bonjour {Lead.firstName},

                        Merci pour votre demande. Vous trouverez ci-joint notre devis pour l'acheminement de votre
                        marchandise ({Lead.cPoidsKg} kg) de {Lead.cVilleEnlevement} à {Lead.cVilleLivraison},
                        Incoterm {Lead.cIncoterm}.

                        Montant : {Lead.cMontantDevis}. Devis valable 15 jours.
                        Dès votre accord, nous planifions l'enlèvement sous 24 à 48 h.

                        Bien cordialement,
                        {User.name}
                        """, TONE),
                CreativeTemplate.of("whatsapp-suivi-colis", Label.of("WhatsApp « Suivi colis »", "WhatsApp \"Parcel tracking\""),
                        Channel.WHATSAPP, "",
                        "Bonjour {Lead.firstName} 📦 Votre envoi {Lead.cNumeroSuivi} est pris en charge par {Lead.cTransporteur}. Livraison prévue le {Lead.cDateLivraison}. Nous vous tenons informé(e) à chaque étape.",
                        TONE),
                CreativeTemplate.of("sms-avis-de-passage", Label.of("SMS « Avis de passage »", "SMS \"Delivery notice\""),
                        Channel.SMS, "",
                        "Bonjour {Lead.firstName}, livraison de votre envoi {Lead.cNumeroSuivi} prévue demain ({Lead.cDateLivraison}). Merci de prévoir une personne sur place ou de nous répondre pour reprogrammer.",
                        TONE),
                CreativeTemplate.of("whatsapp-alerte-transport", Label.of("WhatsApp « Alerte transport »", "WhatsApp \"Transport alert\""),
                        Channel.WHATSAPP, "",
                        "Bonjour {Lead.firstName}, un incident retarde votre envoi {Lead.cNumeroSuivi}. Notre équipe s'en occupe et revient vers vous dans la journée avec une nouvelle date. Toutes nos excuses.",
                        TONE),
                CreativeTemplate.of("whatsapp-suivi-j1", Label.of("WhatsApp « Livraison J+1 »", "WhatsApp \"Delivery D+1\""),
                        Channel.WHATSAPP, "",
                        "Bonjour {Lead.firstName}, votre envoi {Lead.cNumeroSuivi} a été livré hier. Tout est-il conforme ? Une réponse suffit, merci ! — {User.name}",
                        TONE),
                CreativeTemplate.of("appel-relance-devis", Label.of("Script d'appel IA « Relance devis »", "AI call script \"Quote follow-up\""),
                        Channel.CALL_SCRIPT, "",
                        """
                        Bonjour {Lead.firstName}, ici l'assistant de {Account.name}. Je vous appelle au sujet du devis
                        transport vers {Lead.cVilleLivraison} envoyé le {Lead.cDateDevis}.
                        1. Avez-vous pu le consulter ? 2. Le tarif et le délai vous conviennent-ils ?
                        3. Souhaitez-vous que nous planifiions l'enlèvement ?
                        Si la personne souhaite réfléchir : proposer un rappel et noter la date.
                        """, TONE),
                CreativeTemplate.of("appel-confirmation-livraison", Label.of("Script d'appel IA « Confirmation livraison »", "AI call script \"Delivery confirmation\""),
                        Channel.CALL_SCRIPT, "",
                        """
                        Bonjour {Lead.firstName}, ici l'assistant de {Account.name}. Votre livraison {Lead.cNumeroSuivi}
                        est prévue le {Lead.cDateLivraison}. Pouvez-vous confirmer qu'une personne sera présente
                        pour la réception ? Sinon, quelle date vous conviendrait ?
                        """, TONE));
    }

    private static List<KpiDefinition> kpis() {
        return List.of(
                KpiDefinition.count("devis-traites", Label.of("Devis traités", "Quotes handled"), "Lead", CURRENT_MONTH,
                        Criterion.of("cDateDevis", IS_NOT_EMPTY, "")),
                KpiDefinition.ratio("taux-reponse-devis", Label.of("Taux de réponse aux devis", "Quote response rate"),
                        "Lead", LAST_30_DAYS, List.of(Criterion.of("cDateDevis", IS_NOT_EMPTY, "")),
                        List.of(Criterion.of("cDateConfirmation", IS_NOT_EMPTY, ""))),
                KpiDefinition.averageDaysBetween("delai-moyen-confirmation",
                        Label.of("Délai moyen de confirmation", "Average confirmation time"), "Lead",
                        "cDateDevis", "cDateConfirmation", LAST_30_DAYS, Criterion.of("cDateConfirmation", IS_NOT_EMPTY, "")),
                KpiDefinition.count("colis-en-incident", Label.of("Colis en incident", "Parcels with an incident"), "Lead",
                        ALL_TIME, Criterion.of("cStatutColis", EQUALS, "incident")).groupedBy("cTransporteur"),
                KpiDefinition.ratio("taux-livraison", Label.of("Taux de livraison à la date prévue", "On-time delivery rate"),
                        "Lead", LAST_30_DAYS, List.of(Criterion.of("cStatutColis", IN, "livre,incident,retourne")),
                        List.of(Criterion.of("cStatutColis", EQUALS, "livre"))));
    }

    private static List<Scenario> scenarios() {
        return List.of(
                scenario("relance-devis", "Relance devis J+3", "Quote follow-up D+3",
                        "Trois jours après l'envoi d'un devis resté sans réponse, relance par e-mail.",
                        "Three days after an unanswered quote, follow up by e-mail.",
                        Trigger.fieldChanged("Lead", "cEtapeLogistique", "devis_envoye"), Duration.ofDays(3),
                        List.of(Criterion.of("cEtapeLogistique", EQUALS, "devis_envoye")), Channel.EMAIL, "mail-devis",
                        CostCategory.AUTO_FOLLOW_UP, Mode.ASSISTE),
                scenario("appel-relance-devis", "Appel IA : relance devis", "AI call: quote follow-up",
                        "Sept jours après un devis toujours sans réponse, M.A.X. appelle le prospect (voix IA).",
                        "Seven days after a still unanswered quote, M.A.X. calls the prospect (AI voice).",
                        Trigger.fieldChanged("Lead", "cEtapeLogistique", "devis_envoye"), Duration.ofDays(7),
                        List.of(Criterion.of("cEtapeLogistique", EQUALS, "devis_envoye"), Criterion.of("doNotCall", NOT_EQUALS, "true")),
                        Channel.CALL_SCRIPT, "appel-relance-devis", CostCategory.AI_CALL, Mode.ASSISTE),
                scenario("alerte-transport", "Alerte transport", "Transport alert",
                        "Dès qu'un colis passe en incident, le destinataire est prévenu par WhatsApp.",
                        "As soon as a parcel has an incident, the consignee is told on WhatsApp.",
                        Trigger.fieldChanged("Lead", "cStatutColis", "incident"), Duration.ZERO, List.of(),
                        Channel.WHATSAPP, "whatsapp-alerte-transport", CostCategory.WHATSAPP_MESSAGE, Mode.ASSISTE),
                scenario("suivi-j-moins-1", "Suivi J-1 : avis de passage", "D-1 follow-up: delivery notice",
                        "La veille de la livraison prévue, SMS d'avis de passage.",
                        "The day before the planned delivery, a delivery-notice SMS.",
                        Trigger.date("Lead", "cDateLivraison"), Duration.ofDays(-1),
                        List.of(Criterion.of("cStatutColis", IN, "en_transit,en_livraison")), Channel.SMS,
                        "sms-avis-de-passage", CostCategory.N8N_AUTOMATION, Mode.AUTO),
                scenario("appel-confirmation-livraison", "Appel IA : confirmation livraison", "AI call: delivery confirmation",
                        "Deux jours avant une livraison hors gabarit, M.A.X. appelle pour confirmer la présence.",
                        "Two days before an oversized delivery, M.A.X. calls to confirm someone will be there.",
                        Trigger.date("Lead", "cDateLivraison"), Duration.ofDays(-2),
                        List.of(Criterion.of("cTypeMarchandise", HAS, "hors_gabarit")), Channel.CALL_SCRIPT,
                        "appel-confirmation-livraison", CostCategory.AI_CALL, Mode.ASSISTE),
                scenario("suivi-j-plus-1", "Suivi J+1 : satisfaction", "D+1 follow-up: satisfaction",
                        "Le lendemain de la livraison, WhatsApp pour vérifier que tout est conforme.",
                        "The day after delivery, a WhatsApp to check everything is fine.",
                        Trigger.fieldChanged("Lead", "cStatutColis", "livre"), Duration.ofDays(1), List.of(),
                        Channel.WHATSAPP, "whatsapp-suivi-j1", CostCategory.WHATSAPP_MESSAGE, Mode.ASSISTE));
    }

    private static List<SuggestionRoutine> suggestions() {
        return List.of(
                SuggestionRoutine.of("devis-sans-reponse",
                        Label.of("{count} devis sans réponse depuis plus de 3 jours : lancer la relance ?",
                                "{count} quotes unanswered for more than 3 days: start the follow-up?"),
                        "Lead", List.of(Criterion.of("cEtapeLogistique", EQUALS, "devis_envoye"),
                        Criterion.of("cDateDevis", OLDER_THAN_DAYS, "3")), 1,
                        ProposedAction.of(ProposedAction.Kind.RUN_SCENARIO, "relance-devis",
                                Label.of("Relancer les devis", "Follow up the quotes"), Mode.ASSISTE)),
                SuggestionRoutine.of("colis-en-incident",
                        Label.of("{count} colis en incident : prévenir les destinataires ?",
                                "{count} parcels with an incident: tell the consignees?"),
                        "Lead", List.of(Criterion.of("cStatutColis", EQUALS, "incident")), 1,
                        ProposedAction.of(ProposedAction.Kind.DRAFT_MESSAGE, "whatsapp-alerte-transport",
                                Label.of("Préparer les alertes", "Draft the alerts"), Mode.ASSISTE)),
                SuggestionRoutine.of("livraisons-demain",
                        Label.of("{count} livraisons prévues demain : envoyer les avis de passage ?",
                                "{count} deliveries planned tomorrow: send the delivery notices?"),
                        "Lead", List.of(Criterion.of("cDateLivraison", WITHIN_DAYS, "1"),
                        Criterion.of("cStatutColis", IN, "en_transit,en_livraison")), 1,
                        ProposedAction.of(ProposedAction.Kind.RUN_SCENARIO, "suivi-j-moins-1",
                                Label.of("Envoyer les SMS", "Send the SMS"), Mode.ASSISTE)));
    }

    private static Scenario scenario(String id, String fr, String en, String descFr, String descEn, Trigger trigger,
                                     Duration delay, List<Criterion> conditions, Channel channel, String template,
                                     CostCategory cost, Mode mode) {
        return Scenario.builder(id, Label.of(fr, en), Label.of(descFr, descEn)).trigger(trigger).delay(delay)
                .conditions(conditions).channel(channel).templateId(template).costCategory(cost).defaultMode(mode)
                .build();
    }
}
