package fr.macrea.max.creative;

import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.wallet.DefaultPrices;

import java.util.List;

/** The channels of Espace Créa and the priced action that saves each (docs/crea.md, "Prix"). */
public final class CreativeChannels {

    /** In the picker's order; TASK is not a message. */
    public static final List<Channel> ALL = List.of(Channel.NEWSLETTER, Channel.EMAIL, Channel.WHATSAPP, Channel.SMS,
            Channel.CALL_SCRIPT);

    private CreativeChannels() {
    }

    public static boolean html(Channel channel) {
        return channel == Channel.NEWSLETTER || channel == Channel.EMAIL;
    }

    /**
     * {@code newsletter.create} (10) for newsletter and e-mail; {@code whatsapp.message} (5) for WhatsApp, and also
     * for SMS and call scripts: a short plain text written for one conversation costs what a WhatsApp message costs
     * (an SMS is one; a call script is read by a person, it is not an AI call, priced 100).
     */
    public static String actionId(Channel channel) {
        return html(channel) ? DefaultPrices.NEWSLETTER : DefaultPrices.WHATSAPP;
    }

    /** The message key of the channel's name. */
    public static String labelKey(Channel channel) {
        return "creative.channel." + channel.name();
    }
}
