package fr.macrea.max.settings;

import java.util.EnumSet;
import java.util.Set;

/**
 * The tenant's consent rules for marketing sends (SPEC §4 and §11, RGPD): the channels on which a person must have
 * given explicit consent (opt-in) before M.A.X. sends, whether every marketing e-mail must carry an unsubscribe link,
 * and how long the consent evidence of a send is kept. Opt-outs ({@code email_address.opt_out}, target-list
 * {@code opted_out}, {@code do_not_call}) block a send whatever these say.
 * <p>
 * Defaults follow French law: prior consent for e-mail, SMS and WhatsApp to individuals (CPCE art. L.34-5), also
 * asked for calls (SPEC §4: no marketing send without opt-in); unsubscribe link in every e-mail; evidence kept
 * 36 months (CNIL's three years for prospect data).
 */
public record ConsentSettings(Set<Channel> optInChannels, boolean unsubscribeLinkRequired, int proofRetentionMonths) {

    public enum Channel { EMAIL, SMS, WHATSAPP, CALL }

    public static final int RETENTION_MIN_MONTHS = 1;
    public static final int RETENTION_MAX_MONTHS = 120;

    public static final ConsentSettings DEFAULTS = new ConsentSettings(EnumSet.allOf(Channel.class), true, 36);

    public ConsentSettings {
        optInChannels = optInChannels == null || optInChannels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(optInChannels));
    }

    public boolean optInRequired(Channel channel) {
        return optInChannels.contains(channel);
    }
}
