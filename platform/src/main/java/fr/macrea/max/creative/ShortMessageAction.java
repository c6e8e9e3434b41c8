package fr.macrea.max.creative;

import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.wallet.DefaultPrices;
import fr.macrea.max.wallet.Right;
import org.springframework.stereotype.Component;

import java.util.Set;

/** "Message WhatsApp / SMS / script d'appel" ({@code whatsapp.message}, 5 tokens by default, every plan). */
@Component
class ShortMessageAction extends CreaSaveAction {

    static final Set<Channel> CHANNELS = Set.of(Channel.WHATSAPP, Channel.SMS, Channel.CALL_SCRIPT);

    ShortMessageAction(CreaSaving saving) {
        super(saving, DefaultPrices.WHATSAPP, "creative.action.short.label", Right.WHATSAPP_ASSISTED, CHANNELS);
    }
}
