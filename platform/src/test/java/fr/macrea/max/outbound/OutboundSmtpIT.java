package fr.macrea.max.outbound;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.settings.SecretChange;
import fr.macrea.max.settings.SmtpSettings;
import fr.macrea.max.settings.TenantSettingsService;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import fr.macrea.max.PlatformTestApplication;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SMTP adapter against a real SMTP server (GreenMail): headers, sanitised and personalised HTML, absolute image
 * URLs; an SMTP outage in the middle of a send resumes without sending anyone twice; and the public links over
 * real HTTP (RFC 8058 one-click POST, confirm page, pixel, redirect).
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboundSmtpIT extends OutboundItBase {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    TenantSettingsService settings;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private void useGreenMail() {
        settings.saveSmtp("127.0.0.1", smtp.getSmtp().getPort(), null, "crea@zen.fr", SmtpSettings.Security.NONE,
                SecretChange.clear());
    }

    @Test
    void deliversThroughTheTenantsServerWithUnsubscribeHeadersAndSanitisedHtml() throws Exception {
        useGreenMail();
        lead("Camille", "camille@zen.fr", true, "vip");
        lead("Louis", "louis@zen.fr", true, "vip");
        lead("Nina", "nina@zen.fr", false, "vip");
        String template = template("Bonjour {Lead.firstName}", "<p>Bonjour {Lead.firstName}</p>"
                + "<img src=\"https://max.example.fr/api/public/images/p.png\" alt=\"\"><script>x()</script>");
        ActionOutcome<SendResult> outcome = outbound.send(SendParams.now(template, SendAudience.tagged("vip")), key(), true);
        SendSummary done = outbound.drain(outcome.result().sendId());

        assertThat(done.adapter()).isEqualTo("SMTP");
        assertThat(done.sent()).isEqualTo(2);
        MimeMessage[] received = smtp.getReceivedMessages();
        List<String> to = new ArrayList<>();
        MimeMessage camille = null;
        for (MimeMessage m : received) {
            to.add(m.getAllRecipients()[0].toString());
            if (m.getAllRecipients()[0].toString().equals("camille@zen.fr")) {
                camille = m;
            }
        }
        assertThat(to).containsExactlyInAnyOrder("camille@zen.fr", "louis@zen.fr");
        assertThat(camille).isNotNull();
        assertThat(camille.getSubject()).isEqualTo("Bonjour Camille");
        assertThat(camille.getHeader("List-Unsubscribe")[0]).startsWith("<https://max.example.fr/api/public/u/");
        assertThat(camille.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String body = (String) camille.getContent();
        assertThat(camille.getContentType()).startsWith("text/html");
        assertThat(body).contains("Bonjour Camille").contains("https://max.example.fr/api/public/images/p.png")
                .doesNotContain("<script");
        assertThat(outbound.outbox(outcome.result().sendId(), 10)).as("SMTP sends keep no outbox copy").isEmpty();
    }

    @Test
    void anSmtpOutageInTheMiddleOfASendResumesWithoutDuplicates() throws Exception {
        useGreenMail();
        for (String name : List.of("a", "b", "c", "d")) {
            lead(name, name + "@zen.fr", true, "t");
        }
        String template = template("Offre", "<p>Offre</p>");
        ActionOutcome<SendResult> outcome = outbound.send(SendParams.now(template, SendAudience.tagged("t")), key(), true);
        long sendId = outcome.result().sendId();

        batches.run(sendId, 0);
        List<String> delivered = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            delivered.add(m.getAllRecipients()[0].toString());
        }
        assertThat(delivered).hasSize(2);
        smtp.stop();
        assertThatThrownBy(() -> batches.run(sendId, 1)).isInstanceOf(DeliveryInterruptedException.class);
        assertThat(outbound.summary(sendId).pending()).as("the undelivered are pending again").isEqualTo(2);

        smtp.start();
        useGreenMail(); // the restarted server listens on a new port
        SendSummary done = outbound.drain(sendId);
        for (MimeMessage m : smtp.getReceivedMessages()) {
            delivered.add(m.getAllRecipients()[0].toString());
        }
        assertThat(delivered).containsExactlyInAnyOrder("a@zen.fr", "b@zen.fr", "c@zen.fr", "d@zen.fr");
        assertThat(done.sent()).isEqualTo(4);
        assertThat(log(outcome.result().campaignId(), "Sent")).hasSize(4);
    }

    @Test
    void anAddressTheMailerRefusesFailsForGoodAndItsTokensComeBack() {
        useGreenMail();
        price(10);
        lead("Bad", "bad\"quote@zen.fr", true, "refus");
        String template = template("Offre", "<p>Offre</p>");
        int before = wallet.balance().total();
        ActionOutcome<SendResult> outcome = outbound.send(SendParams.now(template, SendAudience.tagged("refus")), key(), true);
        assertThat(wallet.balance().total()).isEqualTo(before - 10);

        SendSummary done = outbound.drain(outcome.result().sendId());

        assertThat(done.failed()).isEqualTo(1);
        assertThat(done.sent()).isZero();
        assertThat(outbound.recipients(outcome.result().sendId(), 1).getFirst().reason()).isEqualTo("SMTP_REJECTED");
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(wallet.balance().total()).as("failed for good: refunded").isEqualTo(before);
    }

    @Test
    void thePublicLinksWorkOverHttpWithoutSignIn() throws Exception {
        String leadId = lead("Camille", "camille@zen.fr", true, "vip");
        String template = template("Offre", "<p>Offre</p><a href=\"https://zen.fr/offre\">Voir</a>");
        ActionOutcome<SendResult> outcome = outbound.send(SendParams.now(template, SendAudience.tagged("vip")), key(), true);
        long sendId = outcome.result().sendId();
        outbound.drain(sendId);
        String headers = outbound.outbox(sendId, 1).getFirst().headers();
        int at = headers.indexOf("/api/public/u/") + "/api/public/u/".length();
        String token = headers.substring(at, headers.indexOf('>', at));

        HttpResponse<byte[]> pixel = http.send(get("/api/public/o/" + token), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pixel.statusCode()).isEqualTo(200);
        assertThat(pixel.headers().firstValue("Content-Type")).contains("image/gif");
        HttpResponse<byte[]> badPixel = http.send(get("/api/public/o/forged"), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(badPixel.body()).as("the same pixel: a token is not revealed valid").isEqualTo(pixel.body());

        HttpResponse<String> click = http.send(get("/api/public/c/" + token + "?l=0"), HttpResponse.BodyHandlers.ofString());
        assertThat(click.statusCode()).isEqualTo(302);
        assertThat(click.headers().firstValue("Location")).contains("https://zen.fr/offre");
        assertThat(http.send(get("/api/public/c/" + token + "?l=7"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);

        HttpResponse<String> page = http.send(get("/api/public/u/" + token), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"").contains("Me désinscrire");
        assertThat(crm.findLead(leadId).orElseThrow().emailOptedOut()).as("a GET changes nothing").isFalse();

        HttpResponse<String> oneClick = http.send(HttpRequest.newBuilder(uri("/api/public/u/" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(crm.findLead(leadId).orElseThrow().emailOptedOut()).isTrue();
        assertThat(http.send(get("/api/public/u/1-" + "a".repeat(32)), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET().build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
