package fr.macrea.max.outbound;

import fr.macrea.max.shared.Message;

/** Why a person of the audience did not get the message (checked when planning and again at send time). */
public enum SkipReason {
    /** The e-mail address is opted out ({@code email_address.opt_out}). */
    EMAIL_OPTED_OUT,
    /** Opted out of a target list ({@code lead_target_list.opted_out}). */
    LIST_OPTED_OUT,
    /** E-mail needs opt-in (the tenant's consent settings) and the CRM holds no opt-in for the person. */
    NO_CONSENT,
    /** No e-mail address. */
    NO_ADDRESS;

    public Message label() {
        return Message.of("outbound.skip." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
}
