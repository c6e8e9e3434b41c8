package fr.macrea.max.brains.ecommerce;

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
 * E-commerce: customer and order fields (catalogue / products only as far as the CRM needs them), product
 * newsletters, offer campaigns and post-purchase WhatsApp; abandoned cart, feedback J+3 and cross-sell J+15; KPIs
 * open / click rates, WhatsApp replies and conversions per campaign.
 */
@Extension
public class EcommerceBrain implements Brain {

    static final String TONE = "Enthousiaste, direct et bienveillant ; tutoiement possible selon la marque ; emojis avec parcimonie.";

    @Override
    public BrainContributions contribute(BrainContext context) {
        return BrainContributions.builder(
                Label.of("E-commerce", "E-commerce"),
                Label.of("Newsletters produit, panier abandonné, avis clients et cross-sell pour les boutiques en ligne.",
                        "Product newsletters, abandoned carts, reviews and cross-sell for online shops."))
                .fieldPlan(fieldPlan()).templates(templates()).kpis(kpis()).scenarios(scenarios())
                .suggestions(suggestions()).build();
    }

    private static FieldPlan fieldPlan() {
        String vente = "Exécution de la commande et service client (art. 6.1.b RGPD)";
        String marketing = "Prospection commerciale avec consentement (art. 6.1.a RGPD)";
        List<Field> lead = List.of(
                Field.of("cStatutClient", "enum", Label.of("Statut client", "Customer status"), vente,
                        "visiteur", "panier_abandonne", "premier_achat", "client_fidele", "inactif"),
                Field.of("cPanierMontant", "currency", Label.of("Montant du panier", "Cart amount"), vente),
                Field.of("cPanierDate", "datetime", Label.of("Date du panier", "Cart date"), vente),
                Field.of("cPanierProduits", "text", Label.of("Produits du panier", "Cart products"), vente),
                Field.of("cDerniereCommande", "date", Label.of("Dernière commande", "Last order"), vente),
                Field.of("cNumeroCommande", "varchar", Label.of("N° de commande", "Order number"), vente),
                Field.of("cNombreCommandes", "int", Label.of("Nombre de commandes", "Number of orders"), vente),
                Field.of("cPanierMoyen", "currency", Label.of("Panier moyen", "Average basket"), vente),
                Field.of("cCategoriesPreferees", "multiEnum", Label.of("Catégories préférées", "Favourite categories"), marketing,
                        "nouveautes", "promotions", "accessoires", "best_sellers", "coffrets"),
                Field.of("cNoteAvis", "int", Label.of("Note d'avis (1-5)", "Review score (1-5)"), vente),
                Field.of("cCanalAcquisition", "enum", Label.of("Canal d'acquisition", "Acquisition channel"), marketing,
                        "site", "instagram", "facebook", "google", "marketplace", "parrainage"),
                Field.of("cOptinWhatsapp", "bool", Label.of("Accepte WhatsApp", "WhatsApp opt-in"), marketing));
        return FieldPlan.of(
                List.of(FieldPlan.EntityFields.of("Lead", lead)),
                List.of(FieldPlan.Pipeline.of("parcours-client", Label.of("Parcours client", "Customer journey"), "Lead",
                        "cStatutClient", List.of(
                        Stage.of("visiteur", Label.of("Visiteur inscrit", "Signed-up visitor"), 5),
                        Stage.of("panier_abandonne", Label.of("Panier abandonné", "Abandoned cart"), 25),
                        Stage.of("premier_achat", Label.of("Premier achat", "First purchase"), 100),
                        Stage.of("client_fidele", Label.of("Client fidèle", "Loyal customer"), 100),
                        Stage.of("inactif", Label.of("Inactif", "Inactive"), 0)))),
                List.of(FieldPlan.Tag.of("vip", Label.of("VIP", "VIP")),
                        FieldPlan.Tag.of("newsletter", Label.of("Newsletter", "Newsletter")),
                        FieldPlan.Tag.of("promo", Label.of("Sensible aux promos", "Promo-driven")),
                        FieldPlan.Tag.of("avis-positif", Label.of("Avis positif", "Positive review"))),
                List.of(FieldPlan.View.of("paniers-abandonnes", Label.of("Paniers abandonnés", "Abandoned carts"), "Lead",
                                List.of("name", "emailAddress", "cPanierMontant", "cPanierDate"),
                                List.of(Criterion.of("cStatutClient", EQUALS, "panier_abandonne"))),
                        FieldPlan.View.of("clients-fideles", Label.of("Clients fidèles", "Loyal customers"), "Lead",
                                List.of("name", "cNombreCommandes", "cPanierMoyen", "cDerniereCommande"),
                                List.of(Criterion.of("cNombreCommandes", GREATER_THAN, "2")))));
    }

    private static List<CreativeTemplate> templates() {
        return List.of(
                CreativeTemplate.of("newsletter-produit", Label.of("Newsletter produit", "Product newsletter"), Channel.NEWSLETTER,
                        "Nouveau : il vient d'arriver, {Lead.firstName} ✨",
                        """
                        Bonjour {Lead.firstName},

                        [Votre image ici]
                        Notre nouveauté est enfin disponible. Pensée pour vous, fabriquée avec soin, livrée en 48 h.

                        👉 Découvrez-la avant tout le monde sur notre boutique.

                        À très vite,
                        L'équipe {Account.name}
                        """, TONE),
                CreativeTemplate.of("campagne-offre", Label.of("Campagne « Offre »", "Offer campaign"), Channel.EMAIL,
                        "{Lead.firstName}, -15 % réservés pour vous jusqu'à dimanche",
                        """
                        Bonjour {Lead.firstName},

                        Pour vous remercier de votre fidélité, profitez de -15 % sur toute la boutique jusqu'à dimanche
                        minuit avec le code MERCI15.
                        [Votre image ici]

                        Bonne découverte !
                        L'équipe {Account.name}
                        """, TONE),
                CreativeTemplate.of("panier-abandonne", Label.of("E-mail « Panier abandonné »", "E-mail \"Abandoned cart\""),
                        Channel.EMAIL, "Vous avez oublié quelque chose, {Lead.firstName} ?",
                        """
                        Bonjour {Lead.firstName},

                        Votre panier ({Lead.cPanierMontant}) vous attend toujours : {Lead.cPanierProduits}.
                        Nous l'avons gardé de côté pour vous, il ne manque plus qu'un clic.

                        Une question sur un produit ? Répondez simplement à cet e-mail.
                        L'équipe {Account.name}
                        """, TONE),
                CreativeTemplate.of("whatsapp-post-achat", Label.of("WhatsApp post-achat", "Post-purchase WhatsApp"),
                        Channel.WHATSAPP, "",
                        "Merci pour ta commande {Lead.cNumeroCommande}, {Lead.firstName} 🎉 Elle est en préparation et tu recevras le suivi dès l'expédition.",
                        TONE),
                CreativeTemplate.of("feedback-j3", Label.of("Demande d'avis J+3", "Review request D+3"), Channel.WHATSAPP, "",
                        "Bonjour {Lead.firstName}, ta commande est bien arrivée ? Dis-nous en une note de 1 à 5 ce que tu en penses, ça nous aide énormément 🙏",
                        TONE),
                CreativeTemplate.of("cross-sell-j15", Label.of("Cross-sell J+15", "Cross-sell D+15"), Channel.EMAIL,
                        "{Lead.firstName}, ça irait parfaitement avec votre dernier achat",
                        """
                        Bonjour {Lead.firstName},

                        Vous avez choisi notre produit il y a deux semaines : voici trois compléments que nos clients
                        adorent l'associer.
                        [Votre image ici]

                        Livraison offerte sur cette sélection pendant 7 jours.
                        L'équipe {Account.name}
                        """, TONE));
    }

    private static List<KpiDefinition> kpis() {
        return List.of(
                // "Opened" and "Sent" are separate log records: a rate of the one per the other, as the Reporting tile
                KpiDefinition.rate("taux-ouverture", Label.of("Taux d'ouverture", "Open rate"), "CampaignLogRecord",
                        LAST_30_DAYS, List.of(Criterion.of("action", EQUALS, "Sent")),
                        List.of(Criterion.of("action", EQUALS, "Opened"))).groupedBy("campaignId"),
                KpiDefinition.rate("taux-clic", Label.of("Taux de clic", "Click rate"), "CampaignLogRecord",
                        LAST_30_DAYS, List.of(Criterion.of("action", EQUALS, "Sent")),
                        List.of(Criterion.of("action", EQUALS, "Clicked"))).groupedBy("campaignId"),
                KpiDefinition.count("reponses-whatsapp", Label.of("Réponses WhatsApp", "WhatsApp replies"), "Note",
                        LAST_30_DAYS, Criterion.of("type", EQUALS, "WhatsAppInbound")),
                KpiDefinition.count("conversions-par-campagne", Label.of("Conversions par campagne", "Conversions per campaign"),
                        "Lead", LAST_30_DAYS, Criterion.of("status", EQUALS, "Converted"),
                        Criterion.of("campaignId", IS_NOT_EMPTY, "")).groupedBy("campaignId"),
                KpiDefinition.count("paniers-abandonnes", Label.of("Paniers abandonnés", "Abandoned carts"), "Lead",
                        LAST_7_DAYS, Criterion.of("cStatutClient", EQUALS, "panier_abandonne")));
    }

    private static List<Scenario> scenarios() {
        return List.of(
                scenario("panier-abandonne", "Panier abandonné", "Abandoned cart",
                        "Quatre heures après un panier abandonné, e-mail de rappel avec le contenu du panier.",
                        "Four hours after an abandoned cart, a reminder e-mail with the cart's content.",
                        Trigger.fieldChanged("Lead", "cStatutClient", "panier_abandonne"), Duration.ofHours(4),
                        List.of(Criterion.of("cStatutClient", EQUALS, "panier_abandonne")), Channel.EMAIL,
                        "panier-abandonne", CostCategory.AUTO_FOLLOW_UP, Mode.AUTO),
                scenario("post-achat", "WhatsApp post-achat", "Post-purchase WhatsApp",
                        "Juste après une commande, message WhatsApp de remerciement (si opt-in).",
                        "Right after an order, a thank-you WhatsApp (with opt-in).",
                        Trigger.fieldChanged("Lead", "cDerniereCommande", ""), Duration.ZERO,
                        List.of(Criterion.of("cOptinWhatsapp", EQUALS, "true")), Channel.WHATSAPP, "whatsapp-post-achat",
                        CostCategory.WHATSAPP_MESSAGE, Mode.AUTO),
                scenario("feedback-j3", "Feedback J+3", "Feedback D+3",
                        "Trois jours après la commande, demande d'avis par WhatsApp.",
                        "Three days after the order, a review request on WhatsApp.",
                        Trigger.date("Lead", "cDerniereCommande"), Duration.ofDays(3),
                        List.of(Criterion.of("cOptinWhatsapp", EQUALS, "true")), Channel.WHATSAPP, "feedback-j3",
                        CostCategory.WHATSAPP_MESSAGE, Mode.ASSISTE),
                scenario("cross-sell-j15", "Cross-sell J+15", "Cross-sell D+15",
                        "Quinze jours après la commande, e-mail de produits complémentaires.",
                        "Fifteen days after the order, an e-mail with complementary products.",
                        Trigger.date("Lead", "cDerniereCommande"), Duration.ofDays(15), List.of(), Channel.EMAIL,
                        "cross-sell-j15", CostCategory.AUTO_FOLLOW_UP, Mode.ASSISTE));
    }

    private static List<SuggestionRoutine> suggestions() {
        return List.of(
                SuggestionRoutine.of("paniers-a-relancer",
                        Label.of("{count} paniers abandonnés cette semaine : les relancer ?",
                                "{count} carts abandoned this week: send reminders?"),
                        "Lead", List.of(Criterion.of("cStatutClient", EQUALS, "panier_abandonne"),
                        Criterion.of("cPanierDate", WITHIN_DAYS, "7")), 1,
                        ProposedAction.of(ProposedAction.Kind.RUN_SCENARIO, "panier-abandonne",
                                Label.of("Relancer les paniers", "Send cart reminders"), Mode.ASSISTE)),
                SuggestionRoutine.of("clients-inactifs",
                        Label.of("{count} clients sans commande depuis 90 jours : leur proposer une offre ?",
                                "{count} customers without an order for 90 days: send them an offer?"),
                        "Lead", List.of(Criterion.of("cDerniereCommande", OLDER_THAN_DAYS, "90")), 5,
                        ProposedAction.of(ProposedAction.Kind.DRAFT_MESSAGE, "campagne-offre",
                                Label.of("Préparer l'offre", "Draft the offer"), Mode.ASSISTE)));
    }

    private static Scenario scenario(String id, String fr, String en, String descFr, String descEn, Trigger trigger,
                                     Duration delay, List<Criterion> conditions, Channel channel, String template,
                                     CostCategory cost, Mode mode) {
        return Scenario.builder(id, Label.of(fr, en), Label.of(descFr, descEn)).trigger(trigger).delay(delay)
                .conditions(conditions).channel(channel).templateId(template).costCategory(cost).defaultMode(mode)
                .build();
    }
}
