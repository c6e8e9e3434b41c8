package fr.macrea.max.creative;

import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.wallet.DefaultPrices;
import fr.macrea.max.wallet.Right;
import org.springframework.stereotype.Component;

import java.util.Set;

/** "Créer une newsletter / un e-mail" ({@code newsletter.create}, 10 tokens by default, Créa right: Pro). */
@Component
class NewsletterAction extends CreaSaveAction {

    static final Set<Channel> CHANNELS = Set.of(Channel.NEWSLETTER, Channel.EMAIL);

    NewsletterAction(CreaSaving saving) {
        super(saving, DefaultPrices.NEWSLETTER, "creative.action.newsletter.label", Right.CREA, CHANNELS);
    }
}
