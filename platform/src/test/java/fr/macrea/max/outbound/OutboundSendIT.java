package fr.macrea.max.outbound;

import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.ActionStatus;
import fr.macrea.max.crm.CampaignLogEntry;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.testing.TestTenants;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A send end to end on the outbox adapter: the dry run and its exact skip reasons, consent checked again at send
 * time, per-recipient rows, the EspoCRM side (Email rows Sent, campaign log Sent), the charge per started 100 and
 * the refund of what was not sent, and a batch interrupted after its delivery that resumes exactly once.
 */
class OutboundSendIT extends OutboundItBase {

    @Autowired
    SchedulerClient scheduler;

    @Test
    void sendsOnlyToConsentingPeopleWithExactReasonsAndWritesTheCrmSide() {
        String camille = lead("Camille", "camille@zen.fr", true, "vip");
        String louis = lead("Louis", "louis@zen.fr", true, "vip");
        lead("Nina", "nina@zen.fr", false, "vip");
        String optedOut = lead("Paul", "paul@zen.fr", true, "vip");
        crm.update(EntityRef.lead(optedOut), Map.of("emailAddressIsOptedOut", true));
        String listOut = lead("Zoé", "zoe@zen.fr", true, "vip");
        String list = crm.create("TargetList", Map.of("name", "Clientes"), true);
        crm.setTargetListOptOut(EntityRef.lead(listOut), list, true);
        lead("Autre", "autre@zen.fr", true, "other");
        String template = template("Bonjour {Lead.firstName}",
                "<p>Bonjour {Lead.firstName}</p><script>alert(1)</script>"
                        + "<img src=\"https://max.example.fr/api/public/images/a.png\" alt=\"x\">"
                        + "<a href=\"https://zen.fr/offre\">Offre</a>");
        SendParams params = SendParams.now(template, SendAudience.tagged("vip"));

        SendPlan plan = outbound.plan(params);
        assertThat(plan.eligible()).isEqualTo(2);
        assertThat(plan.excluded()).containsExactlyInAnyOrderEntriesOf(Map.of(SkipReason.EMAIL_OPTED_OUT, 1,
                SkipReason.LIST_OPTED_OUT, 1, SkipReason.NO_CONSENT, 1));
        assertThat(FrenchMessages.render(plan.summary()))
                .isEqualTo("envoyé à 2, 3 exclus (opt-out 1, désinscrit d’une liste 1, sans consentement 1)");
        assertThat(plan.units()).isEqualTo(1);

        int before = wallet.balance().total();
        ActionOutcome<SendResult> outcome = outbound.send(params, key(), true);
        assertThat(outcome.status()).isEqualTo(ActionStatus.COMPLETED);
        assertThat(outcome.cost()).isEqualTo(1);
        long sendId = outcome.result().sendId();

        SendSummary done = outbound.drain(sendId);
        assertThat(done.sent()).isEqualTo(2);
        assertThat(done.pending()).isZero();
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.skipped()).containsExactlyInAnyOrderEntriesOf(plan.excluded());

        List<OutboxMessage> messages = outbound.outbox(sendId, 10);
        assertThat(messages).extracting(OutboxMessage::to).containsExactlyInAnyOrder("camille@zen.fr", "louis@zen.fr");
        OutboxMessage toCamille = messages.stream().filter(m -> m.to().equals("camille@zen.fr")).findFirst().orElseThrow();
        assertThat(toCamille.subject()).isEqualTo("Bonjour Camille");
        assertThat(toCamille.body()).contains("Bonjour Camille").doesNotContain("<script")
                .contains("https://max.example.fr/api/public/images/a.png")
                .contains("https://max.example.fr/api/public/o/")
                .contains("https://max.example.fr/api/public/c/")
                .doesNotContain("href=\"https://zen.fr/offre\"");
        assertThat(toCamille.headers()).contains("List-Unsubscribe: <https://max.example.fr/api/public/u/")
                .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click");

        // EspoCRM side: one Email row Sent per recipient, one campaign log Sent each, nothing for the others
        assertThat(timeline(camille, "Email")).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo("Sent"));
        assertThat(timeline(louis, "Email")).hasSize(1);
        assertThat(timeline(optedOut, "Email")).isEmpty();
        assertThat(log(outcome.result().campaignId(), "Sent")).extracting(CampaignLogEntry::target)
                .containsExactlyInAnyOrder(EntityRef.lead(camille), EntityRef.lead(louis));

        // the evidence relied on is stored with each recipient
        List<SendRecipient> recipients = outbound.recipients(sendId, 10);
        assertThat(recipients).filteredOn(r -> r.entityId().equals(camille)).singleElement()
                .satisfies(r -> assertThat(r.evidence()).startsWith("optin=CampaignLogRecord:"));
        assertThat(recipients).filteredOn(r -> r.entityId().equals(listOut)).singleElement()
                .satisfies(r -> assertThat(r.evidence()).isEqualTo("target_list.opted_out=1:" + list));
        assertThat(wallet.balance().total()).as("2 sent: the one unit charged is used").isEqualTo(before - 1);
    }

    @Test
    void whoOptsOutAfterTheConfirmationIsSkippedAtSendTimeAndItsTokensComeBack() {
        price(10);
        String a = lead("Anne", "anne@zen.fr", true, "news");
        String b = lead("Bruno", "bruno@zen.fr", true, "news");
        String template = template("Nouveautés", "<p>Nouveautés</p>");
        int before = wallet.balance().total();
        ActionOutcome<SendResult> outcome = outbound.send(SendParams.now(template, SendAudience.tagged("news")), key(), true);
        assertThat(outcome.cost()).isEqualTo(10);
        assertThat(wallet.balance().total()).isEqualTo(before - 10);

        crm.update(EntityRef.lead(a), Map.of("emailAddressIsOptedOut", true));
        crm.update(EntityRef.lead(b), Map.of("emailAddressIsOptedOut", true));
        SendSummary done = outbound.drain(outcome.result().sendId());

        assertThat(done.sent()).isZero();
        assertThat(done.skipped()).containsExactlyEntriesOf(Map.of(SkipReason.EMAIL_OPTED_OUT, 2));
        assertThat(outbound.outbox(outcome.result().sendId(), 10)).isEmpty();
        assertThat(timeline(a, "Email")).as("no e-mail left 'Sending' for someone skipped").isEmpty();
        assertThat(timeline(b, "Email")).isEmpty();
        assertThat(wallet.balance().total()).as("nothing sent: the unit is refunded").isEqualTo(before);
        outbound.drain(outcome.result().sendId());
        assertThat(wallet.balance().total()).as("refunded once").isEqualTo(before);
    }

    @Test
    void aBatchInterruptedAfterItsDeliveryResumesAndEveryoneGetsTheMessageExactlyOnce() {
        List<String> leads = List.of(lead("A", "a@zen.fr", true, "t"), lead("B", "b@zen.fr", true, "t"),
                lead("C", "c@zen.fr", true, "t"), lead("D", "d@zen.fr", true, "t"), lead("E", "e@zen.fr", true, "t"));
        String template = template("Offre", "<p>Offre</p>");
        ActionOutcome<SendResult> outcome = outbound.send(SendParams.now(template, SendAudience.tagged("t")), key(), true);
        long sendId = outcome.result().sendId();
        // one db-scheduler task per batch of 2, stored with the send: what resumes it after a crash
        assertThat(scheduler.getScheduledExecutionsForTask(OutboundJobs.BATCH_TASK)).extracting(e -> e.getTaskInstance().getId())
                .contains(OutboundJobs.instanceId(tenant.id().value(), sendId, 0),
                        OutboundJobs.instanceId(tenant.id().value(), sendId, 1),
                        OutboundJobs.instanceId(tenant.id().value(), sendId, 2))
                .doesNotContain(OutboundJobs.instanceId(tenant.id().value(), sendId, 3));
        int[] runs = {0};
        batches.afterDelivery = () -> {
            if (++runs[0] == 2) {
                throw new IllegalStateException("node killed");
            }
        };

        assertThatThrownBy(() -> outbound.drain(sendId)).hasMessageContaining("node killed");
        assertThat(outbound.outbox(sendId, 10)).as("batches 0 and 1 delivered").hasSize(4);
        assertThat(log(outcome.result().campaignId(), "Sent")).as("batch 1 crashed before its CRM side").hasSize(2);
        assertThat(outbound.summary(sendId).status()).isEqualTo("SCHEDULED");

        batches.afterDelivery = () -> { };
        SendSummary done = outbound.drain(sendId);

        assertThat(done.sent()).isEqualTo(5);
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(outbound.outbox(sendId, 10)).extracting(OutboxMessage::to)
                .containsExactlyInAnyOrder("a@zen.fr", "b@zen.fr", "c@zen.fr", "d@zen.fr", "e@zen.fr");
        assertThat(log(outcome.result().campaignId(), "Sent")).extracting(e -> e.target().id())
                .containsExactlyInAnyOrderElementsOf(leads);
        for (String lead : leads) {
            assertThat(timeline(lead, "Email")).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo("Sent"));
        }
        assertThat(Set.copyOf(outbound.recipients(sendId, 10).stream().map(SendRecipient::status).toList()))
                .containsExactly("SENT");
    }

    @Test
    void twoRunsOfOneBatchAtOnceDeliverAndLogEachPersonOnce() throws Exception {
        // a scheduled run beside a drain (or a resume racing the first run): the rows' locks serialise them
        List<String> leads = List.of(lead("A", "a@zen.fr", true, "r"), lead("B", "b@zen.fr", true, "r"));
        String template = template("Offre", "<p>Offre</p>");
        ActionOutcome<SendResult> outcome = outbound.send(SendParams.now(template, SendAudience.tagged("r")), key(), true);
        long sendId = outcome.result().sendId();
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    TestTenants.signIn(admin);
                    start.await();
                    batches.run(sendId, 0);
                    return null;
                }));
            }
            start.countDown();
            for (var run : runs) {
                run.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(outbound.outbox(sendId, 10)).extracting(OutboxMessage::to)
                .containsExactlyInAnyOrder("a@zen.fr", "b@zen.fr");
        assertThat(log(outcome.result().campaignId(), "Sent")).extracting(e -> e.target().id())
                .containsExactlyInAnyOrderElementsOf(leads);
        for (String lead : leads) {
            assertThat(timeline(lead, "Email")).hasSize(1);
        }
    }
}
