package fr.macrea.max.creative;

import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.shared.Message;

/**
 * A model of Espace Créa: one of M.A.X.'s own five or a template of one of the tenant's active brains.
 *
 * @param key       stable reference: {@code max:<id>} for M.A.X.'s, {@code <brain>:<id>} for a brain's
 * @param name      shown in the picker, in the user's language
 * @param subject   subject line (newsletter, e-mail), empty otherwise; may hold placeholders
 * @param body      the text; {@code {Lead.field}} placeholders and {@code [Votre image ici]} slots
 * @param tone      the brand tone the writer keeps (French), may be empty
 * @param brainName the brain it comes from, null for M.A.X.'s own
 */
public record CreaModel(String key, Message name, Channel channel, String subject, String body, String tone,
                        String brainName) {

    public boolean fromBrain() {
        return brainName != null;
    }
}
