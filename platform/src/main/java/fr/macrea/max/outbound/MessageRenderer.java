package fr.macrea.max.outbound;

import fr.macrea.max.creative.HtmlSanitizer;
import fr.macrea.max.crm.LeadPlaceholders;
import fr.macrea.max.http.PublicUrls;
import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.Message;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds one recipient's message at send time: the template's {@code {Lead.field}} placeholders filled with the
 * lead's values, THEN the HTML sanitised (a value typed into the CRM cannot bring a script in), the message's links
 * turned into per-recipient tracked links, an open pixel and an unsubscribe link added, and the RFC 8058 headers.
 * Messages go to the recipients in French (the CRM's language), like CRM notes.
 */
@Component
class MessageRenderer {

    private static final Pattern HREF = Pattern.compile("href=\"(https?://[^\"]{1,2000})\"");

    private final LeadPlaceholders placeholders;
    private final PublicUrls urls;

    MessageRenderer(LeadPlaceholders placeholders, PublicUrls urls) {
        this.placeholders = placeholders;
        this.urls = urls;
    }

    /** The links of a template's sanitised body, numbered: the only targets its click links redirect to. */
    static List<String> links(String body, boolean html) {
        List<String> out = new ArrayList<>();
        if (!html) {
            return out;
        }
        Matcher m = HREF.matcher(HtmlSanitizer.sanitize(body));
        while (m.find()) {
            if (!out.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    Rendered render(SendRow send, RecipientRow recipient, List<String> links) {
        return render(send, recipient, links, fill(send.subject(), recipient), fill(send.body(), recipient));
    }

    /**
     * The messages of a batch: the leads' values for the placeholders are read once for the whole batch (one query
     * per chunk), not twice per recipient; a recipient whose lead is gone meanwhile is rendered alone (and fails
     * as a single render would).
     */
    List<Rendered> renderAll(SendRow send, List<RecipientRow> recipients, List<String> links) {
        List<String> leadIds = recipients.stream().filter(r -> "Lead".equals(r.entityType())).map(RecipientRow::entityId)
                .toList();
        List<String> texts = java.util.Arrays.asList(send.subject() == null ? "" : send.subject(),
                send.body() == null ? "" : send.body());
        Map<String, List<String>> filled = leadIds.isEmpty() ? Map.of() : placeholders.fillAll(texts, leadIds);
        List<Rendered> out = new ArrayList<>(recipients.size());
        for (RecipientRow r : recipients) {
            List<String> f = "Lead".equals(r.entityType()) ? filled.get(r.entityId()) : texts;
            out.add(f == null ? render(send, r, links) : render(send, r, links, f.get(0), f.get(1)));
        }
        return out;
    }

    private Rendered render(SendRow send, RecipientRow recipient, List<String> links, String filledSubject,
                            String filledBody) {
        String subject = filledSubject.replaceAll("[\\r\\n]+", " ").strip();
        String unsubscribe = urls.link("/api/public/u/" + recipient.token());
        String body;
        if (send.html()) {
            String safe = HtmlSanitizer.sanitize(filledBody);
            body = track(safe, recipient.token(), links)
                    + "<p style=\"font-size:12px;color:#666\"><a href=\"" + HtmlUtils.htmlEscape(unsubscribe) + "\">"
                    + HtmlUtils.htmlEscape(FrenchMessages.render(Message.of("outbound.mail.unsubscribe")), "UTF-8") + "</a></p>"
                    + "<img src=\"" + HtmlUtils.htmlEscape(urls.link("/api/public/o/" + recipient.token()))
                    + "\" width=\"1\" height=\"1\" alt=\"\">";
        } else {
            body = filledBody + "\n\n"
                    + FrenchMessages.render(Message.of("outbound.mail.unsubscribe")) + " : " + unsubscribe;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("X-Max-Send", Long.toString(send.id()));
        return new Rendered(recipient.id(), recipient.address(), subject, body, send.html(), headers);
    }

    private String fill(String text, RecipientRow recipient) {
        if (text == null) {
            return "";
        }
        return "Lead".equals(recipient.entityType()) ? placeholders.fill(text, recipient.entityId()).text() : text;
    }

    /** Each link that was in the template becomes a click link of this recipient; other links stay as they are. */
    private String track(String html, String token, List<String> links) {
        Matcher m = HREF.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = links.indexOf(m.group(1));
            String href = n < 0 ? m.group(1) : urls.link("/api/public/c/" + token + "?l=" + n);
            m.appendReplacement(out, Matcher.quoteReplacement("href=\"" + HtmlUtils.htmlEscape(href) + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The target of a stored link (its attribute value, entities decoded), for the redirect. */
    static String target(String storedHref) {
        return HtmlUtils.htmlUnescape(storedHref);
    }
}
