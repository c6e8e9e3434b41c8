package fr.macrea.max.outbound;

import fr.macrea.max.settings.ConsentSettings;

import java.util.Map;

/**
 * The consent rule of one e-mail recipient (SPEC §4), and the evidence it relied on, stored with the recipient:
 * opt-outs block whatever the settings; when the tenant requires opt-in for e-mail, an EspoCRM "Opted In" campaign
 * log record of the person is the evidence, and without one the person is skipped. Evidence is written as stable
 * codes ({@code optin=CampaignLogRecord:<id>@<date>}), not sentences: it is an audit trail read by the view.
 */
final class ConsentCheck {

    record Verdict(SkipReason reason, String evidence) {
    }

    private ConsentCheck() {
    }

    static Verdict check(String address, boolean emailOptedOut, String optedOutList, String optIn,
                         ConsentSettings settings) {
        if (address == null || address.isBlank()) {
            return new Verdict(SkipReason.NO_ADDRESS, "address=none");
        }
        if (emailOptedOut) {
            return new Verdict(SkipReason.EMAIL_OPTED_OUT, "email_address.opt_out=1");
        }
        if (optedOutList != null) {
            return new Verdict(SkipReason.LIST_OPTED_OUT, "target_list.opted_out=1:" + optedOutList);
        }
        boolean required = settings.optInRequired(ConsentSettings.Channel.EMAIL);
        if (required && optIn == null) {
            return new Verdict(SkipReason.NO_CONSENT, "optin=none;required=EMAIL");
        }
        String evidence = optIn != null ? "optin=" + optIn : "optin=not-required(tenant-settings)";
        return new Verdict(null, evidence + ";email_address.opt_out=0;target_list.opted_out=0");
    }

    static Verdict check(Map<String, String> optIns, Map<String, String> listOptOuts, String id, String address,
                         boolean emailOptedOut, ConsentSettings settings) {
        return check(address, emailOptedOut, listOptOuts.get(id), optIns.get(id), settings);
    }
}
