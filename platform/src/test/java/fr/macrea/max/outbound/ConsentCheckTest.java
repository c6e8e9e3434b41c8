package fr.macrea.max.outbound;

import fr.macrea.max.settings.ConsentSettings;
import fr.macrea.max.shared.FrenchMessages;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The consent rule of one e-mail recipient, its precedence, its evidence; and the charge units of a send. */
class ConsentCheckTest {

    private static final ConsentSettings OPT_IN = ConsentSettings.DEFAULTS;
    private static final ConsentSettings NO_OPT_IN = new ConsentSettings(EnumSet.of(ConsentSettings.Channel.SMS), true, 36);

    @Test
    void optOutsBlockWhateverTheSettingsAndComeBeforeConsent() {
        assertThat(ConsentCheck.check("a@b.fr", true, "list1", "CampaignLogRecord:x@2026", NO_OPT_IN).reason())
                .isEqualTo(SkipReason.EMAIL_OPTED_OUT);
        assertThat(ConsentCheck.check("a@b.fr", false, "list1", "CampaignLogRecord:x@2026", NO_OPT_IN))
                .isEqualTo(new ConsentCheck.Verdict(SkipReason.LIST_OPTED_OUT, "target_list.opted_out=1:list1"));
        assertThat(ConsentCheck.check(null, false, null, null, NO_OPT_IN).reason()).isEqualTo(SkipReason.NO_ADDRESS);
        assertThat(ConsentCheck.check(" ", true, null, null, NO_OPT_IN).reason()).isEqualTo(SkipReason.NO_ADDRESS);
    }

    @Test
    void optInIsRequiredOnlyWhenTheTenantAsksForItOnEmail() {
        assertThat(ConsentCheck.check("a@b.fr", false, null, null, OPT_IN))
                .isEqualTo(new ConsentCheck.Verdict(SkipReason.NO_CONSENT, "optin=none;required=EMAIL"));
        ConsentCheck.Verdict withEvidence = ConsentCheck.check("a@b.fr", false, null, "CampaignLogRecord:r1@2026-03-01T10:00:00Z", OPT_IN);
        assertThat(withEvidence.reason()).isNull();
        assertThat(withEvidence.evidence()).startsWith("optin=CampaignLogRecord:r1@2026-03-01T10:00:00Z;");
        ConsentCheck.Verdict notRequired = ConsentCheck.check("a@b.fr", false, null, null, NO_OPT_IN);
        assertThat(notRequired.reason()).isNull();
        assertThat(notRequired.evidence()).startsWith("optin=not-required(tenant-settings)");
    }

    @Test
    void aSendIsChargedPerStartedHundredOfEligibleRecipients() {
        assertThat(SendPlan.unitsFor(0)).isZero();
        assertThat(SendPlan.unitsFor(1)).isEqualTo(1);
        assertThat(SendPlan.unitsFor(100)).isEqualTo(1);
        assertThat(SendPlan.unitsFor(101)).isEqualTo(2);
        assertThat(SendPlan.unitsFor(812)).isEqualTo(9);
    }

    @Test
    void theSummaryReadsAsTheUserExpects() {
        SendPlan plan = new SendPlan("Annonce", 812, Map.of(SkipReason.EMAIL_OPTED_OUT, 30, SkipReason.NO_CONSENT, 7), 9);
        assertThat(FrenchMessages.render(plan.summary()))
                .isEqualTo("envoyé à 812, 37 exclus (opt-out 30, sans consentement 7)");
        assertThat(FrenchMessages.render(new SendPlan("Annonce", 3, Map.of(), 1).summary()))
                .isEqualTo("envoyé à 3, aucun exclu");
    }
}
