package fr.macrea.max.outbound;

import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.ActionRefusedException;
import fr.macrea.max.action.ActionService;
import fr.macrea.max.action.ActionStatus;
import fr.macrea.max.action.ConfirmationRequiredException;
import fr.macrea.max.action.Mode;
import fr.macrea.max.reporting.Dashboard;
import fr.macrea.max.reporting.Period;
import fr.macrea.max.reporting.ReportingService;
import fr.macrea.max.security.Role;
import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mode rules of a send (Conseil refuses, Assisté drafts, Auto needs the double confirmation), the public links
 * (first open and click logged once, redirect only to the message's links, the unsubscribe really opting out), and
 * tenant isolation of sends, outbox, campaign logs and tokens.
 */
class OutboundModesAndIsolationIT extends OutboundItBase {

    @Autowired
    ActionService actions;
    @Autowired
    ReportingService reporting;

    private SendParams oneRecipient() {
        lead("Camille", "camille@zen.fr", true, "vip");
        String template = template("Offre", "<p>Offre</p><a href=\"https://zen.fr/offre?a=1&amp;b=2\">Voir</a>");
        return SendParams.now(template, SendAudience.tagged("vip"));
    }

    @Test
    void conseilRefusesTheSendAndNothingIsStoredOrCharged() {
        SendParams params = oneRecipient();
        modes.set(Mode.CONSEIL);
        int before = wallet.balance().total();
        assertThatThrownBy(() -> outbound.send(params, key(), true)).isInstanceOf(ActionRefusedException.class);
        assertThat(outbound.sends(10)).isEmpty();
        assertThat(wallet.balance().total()).isEqualTo(before);
    }

    @Test
    void assisteMakesADraftThatSendsOnlyWhenAnAdminValidatesIt() {
        SendParams params = oneRecipient();
        lead("Nina", "nina@zen.fr", false, "vip");
        modes.set(Mode.ASSISTE);
        ActionOutcome<SendResult> outcome = outbound.send(params, key(), true);
        assertThat(outcome.status()).isEqualTo(ActionStatus.DRAFTED);
        assertThat(outbound.sends(10)).isEmpty();
        assertThat(actions.drafts()).singleElement().satisfies(d -> assertThat(d.quotedCost()).isEqualTo(1));

        ActionOutcome<Object> validated = actions.validateDraft(actions.drafts().getFirst().id());
        assertThat(validated.status()).isEqualTo(ActionStatus.COMPLETED);
        assertThat(outbound.sends(10)).singleElement().satisfies(s -> assertThat(s.pending()).isEqualTo(1));
        SendSummary done = outbound.drain(outbound.sends(10).getFirst().id());
        assertThat(done.sent()).isEqualTo(1);
        assertThat(done.skipped()).as("a validated draft checks consent too")
                .containsExactlyEntriesOf(Map.of(SkipReason.NO_CONSENT, 1));
    }

    @Test
    void autoNeedsTheDoubleConfirmationAndAReplayedKeySendsOnce() {
        SendParams params = oneRecipient();
        assertThatThrownBy(() -> outbound.send(params, key(), false)).isInstanceOf(ConfirmationRequiredException.class);
        assertThat(outbound.sends(10)).isEmpty();
        String key = key();
        ActionOutcome<SendResult> first = outbound.send(params, key, true);
        ActionOutcome<SendResult> replay = outbound.send(params, key, true);
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.result().sendId()).isEqualTo(first.result().sendId());
        assertThat(outbound.sends(10)).hasSize(1);
        assertThat(actions.quote("campaign.send", false, params).cost()).isEqualTo(1);
    }

    @Test
    void trackingLogsTheFirstOpenAndClickAndRedirectsOnlyToTheMessagesLinks() throws InterruptedException {
        ActionOutcome<SendResult> outcome = outbound.send(oneRecipient(), key(), true);
        long sendId = outcome.result().sendId();
        outbound.drain(sendId);
        String token = token(sendId);
        String campaign = outcome.result().campaignId();

        tracking.opened(token);
        tracking.opened(token);
        assertThat(log(campaign, "Opened")).hasSize(1);
        assertThat(tracking.clicked(token, 0)).contains("https://zen.fr/offre?a=1&b=2");
        assertThat(tracking.clicked(token, 1)).as("not a link of the message").isEmpty();
        assertThat(tracking.clicked(token, -1)).isEmpty();
        assertThat(log(campaign, "Clicked")).singleElement()
                .satisfies(e -> assertThat(e.stringData()).isEqualTo("https://zen.fr/offre?a=1&b=2"));

        // the Reporting tab's counters come from this real send
        // (the CRM's datetimes have whole seconds and the period ends now, exclusive: a record of this very second
        // is counted from the next one)
        Thread.sleep(1100);
        Dashboard dashboard = reporting.computeDashboard(Period.DAYS_7);
        assertThat(dashboard.campaigns().sent()).isEqualTo(1);
        assertThat(dashboard.campaigns().opened()).isEqualTo(1);
        assertThat(dashboard.campaigns().clicked()).isEqualTo(1);
        assertThat(dashboard.messages().sent()).isEqualTo(1);
        assertThat(dashboard.messages().pending()).isZero();
    }

    @Test
    void theUnsubscribeLinkOptsTheAddressOutInTheCrmAndTheNextSendSkipsIt() {
        SendParams params = oneRecipient();
        ActionOutcome<SendResult> outcome = outbound.send(params, key(), true);
        outbound.drain(outcome.result().sendId());
        String token = token(outcome.result().sendId());
        String leadId = outbound.recipients(outcome.result().sendId(), 1).getFirst().entityId();

        assertThat(tracking.known(token)).isTrue();
        assertThat(tracking.unsubscribe(token)).isTrue();
        assertThat(tracking.unsubscribe(token)).as("a second click changes nothing more").isTrue();
        assertThat(crm.findLead(leadId).orElseThrow().emailOptedOut()).isTrue();
        assertThat(log(outcome.result().campaignId(), "Opted Out")).hasSize(1);
        assertThat(outbound.plan(params).excluded()).containsExactlyEntriesOf(Map.of(SkipReason.EMAIL_OPTED_OUT, 1));
    }

    @Test
    void tenantBNeitherReadsASendsNorUsesItsTokens() {
        ActionOutcome<SendResult> outcome = outbound.send(oneRecipient(), key(), true);
        long sendId = outcome.result().sendId();
        outbound.drain(sendId);
        String token = token(sendId);
        long messageId = outbound.outbox(sendId, 1).getFirst().id();
        String campaign = outcome.result().campaignId();
        crm.create("TargetList", Map.of("name", "Liste de A"), true);
        assertThat(outbound.targetLists()).hasSize(1);

        Tenant other = TestTenants.create(tenants, "Autre", Plan.PRO);
        TestTenants.signInAs(other, Role.TENANT_ADMIN);
        assertThat(outbound.sends(10)).isEmpty();
        assertThat(outbound.outbox(sendId, 10)).isEmpty();
        assertThat(outbound.recipients(sendId, 10)).isEmpty();
        assertThatThrownBy(() -> outbound.summary(sendId)).isInstanceOf(OutboundException.class);
        assertThatThrownBy(() -> outbound.message(messageId)).isInstanceOf(OutboundException.class)
                .satisfies(e -> assertThat(FrenchMessages.render(((LocalizedException) e).message()))
                        .isEqualTo("Ce message n’existe pas."));
        assertThatThrownBy(() -> outbound.drain(sendId)).isInstanceOf(OutboundException.class);
        assertThat(crm.campaigns()).noneMatch(c -> c.id().equals(campaign));
        assertThat(outbound.campaigns()).noneMatch(c -> c.id().equals(campaign));
        assertThat(outbound.targetLists()).isEmpty();

        // A's token routed to B's tenant, altered, or forged: refused, and nothing logged in A's campaign
        String random = token.substring(token.indexOf('-'));
        String inB = other.id().value() + random;
        String altered = token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0");
        for (String bad : new String[] {inB, altered, "1-" + "0".repeat(32), "abc", token + "0"}) {
            tracking.opened(bad);
            assertThat(tracking.clicked(bad, 0)).isEmpty();
            assertThat(tracking.known(bad)).isFalse();
            assertThat(tracking.unsubscribe(bad)).isFalse();
        }
        TestTenants.signIn(admin);
        assertThat(log(campaign, "Opened")).isEmpty();
        assertThat(log(campaign, "Clicked")).isEmpty();
        assertThat(log(campaign, "Opted Out")).isEmpty();
        assertThat(crm.findLead(outbound.recipients(sendId, 1).getFirst().entityId()).orElseThrow().emailOptedOut())
                .isFalse();
    }

    /** The token of the send's first recipient, read from its message's unsubscribe header. */
    private String token(long sendId) {
        String headers = outbound.outbox(sendId, 1).getFirst().headers();
        int at = headers.indexOf("/api/public/u/") + "/api/public/u/".length();
        return headers.substring(at, headers.indexOf('>', at));
    }
}
