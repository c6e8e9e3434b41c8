package fr.macrea.max.suggestion;

import fr.macrea.max.brain.Contributed;
import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.plugins.api.CreativeTemplate;
import fr.macrea.max.plugins.api.Label;
import fr.macrea.max.plugins.api.Mode;
import fr.macrea.max.plugins.api.SuggestionRoutine.ProposedAction;
import fr.macrea.max.wallet.DefaultPrices;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16: the standard brain's "WhatsApp de remerciement" suggestion was priced as a newsletter (10, not 5). */
class BrainSuggestionPriceTest {

    private static Contributed<CreativeTemplate> template(String brain, String id, Channel channel) {
        return new Contributed<>(brain, "Cerveau", id, CreativeTemplate.of(id, Label.of("Modèle", "Template"), channel,
                "", "Bonjour {Lead.firstName}", "chaleureux"));
    }

    private static ProposedAction draft(String reference) {
        return ProposedAction.of(ProposedAction.Kind.DRAFT_MESSAGE, reference,
                Label.of("Préparer les messages", "Draft the messages"), Mode.ASSISTE);
    }

    private final List<Contributed<CreativeTemplate>> templates = List.of(
            template("standard", "whatsapp-remerciement", Channel.WHATSAPP),
            template("standard", "newsletter-mensuelle", Channel.NEWSLETTER),
            template("logistique", "whatsapp-remerciement", Channel.NEWSLETTER));

    @Test
    void aWhatsAppDraftIsPricedAsAWhatsAppMessage() {
        String action = BrainSuggestions.actionId("standard", draft("whatsapp-remerciement"), templates);
        assertThat(action).isEqualTo(DefaultPrices.WHATSAPP);
        assertThat(DefaultPrices.tokens().get(action)).isEqualTo(5);
        assertThat(DefaultPrices.label(action).key()).isEqualTo("wallet.price.whatsapp.message");
    }

    @Test
    void aNewsletterDraftStaysANewsletterAndTheTemplateIsLookedUpInItsOwnBrain() {
        assertThat(BrainSuggestions.actionId("standard", draft("newsletter-mensuelle"), templates))
                .isEqualTo(DefaultPrices.NEWSLETTER);
        assertThat(BrainSuggestions.actionId("logistique", draft("whatsapp-remerciement"), templates))
                .isEqualTo(DefaultPrices.NEWSLETTER);
        // a template the brain does not have: the generic message draft, never a crash
        assertThat(BrainSuggestions.actionId("standard", draft("inconnu"), templates)).isEqualTo(DefaultPrices.NEWSLETTER);
    }
}
