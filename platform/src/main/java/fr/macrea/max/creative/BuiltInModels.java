package fr.macrea.max.creative;

import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.Message;

import java.util.List;

/**
 * M.A.X.'s own five models (the brief): their texts are CRM content, written in French (the CRM's language, as
 * notes are) and kept in the creative bundle ({@code creative.model.<id>.*}); only their names follow the user's
 * language.
 */
final class BuiltInModels {

    static final String PREFIX = "max:";

    private static final List<Object[]> MODELS = List.of(
            new Object[]{"annonce-produit", Channel.NEWSLETTER},
            new Object[]{"routine-beaute", Channel.NEWSLETTER},
            new Object[]{"remerciement", Channel.WHATSAPP},
            new Object[]{"relance-devis-j3", Channel.EMAIL},
            new Object[]{"confirmation-rdv", Channel.SMS});

    private BuiltInModels() {
    }

    static List<CreaModel> all() {
        return MODELS.stream().map(m -> model((String) m[0], (Channel) m[1])).toList();
    }

    private static CreaModel model(String id, Channel channel) {
        String base = "creative.model." + id;
        String subject = CreativeChannels.html(channel) ? FrenchMessages.render(Message.of(base + ".subject")) : "";
        return new CreaModel(PREFIX + id, Message.of(base + ".name"), channel, subject,
                FrenchMessages.render(Message.of(base + ".body")), FrenchMessages.render(Message.of(base + ".tone")), null);
    }
}
