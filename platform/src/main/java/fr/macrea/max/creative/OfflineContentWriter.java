package fr.macrea.max.creative;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The writer without an AI model: the model's text with the topic and the tenant's own data filled in. Per
 * recipient placeholders ({@code {Lead.firstName}}) stay for the send; a brain's {@code {Account.name}} becomes the
 * lead's company ({@code {Lead.accountName}}) and {@code {User.name}} the signed-in user, so that every placeholder
 * left is one a lead fills. The tone is kept by the words of the model itself: only an AI writer rewrites.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class OfflineContentWriter implements ContentWriter {

    static final String TOPIC = "{{topic}}";
    static final String COMPANY = "{{company}}";

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public Written write(CreaModel model, String topic, Context context) {
        String t = topic == null ? "" : topic.strip();
        // the topic is the user's text: in an HTML body it is text, never markup
        String inBody = CreativeChannels.html(model.channel()) ? HtmlUtils.htmlEscape(t, "UTF-8") : t;
        return new Written(fill(model.subject(), t, context), fill(model.body(), inBody, context), false);
    }

    private static String fill(String text, String topic, Context context) {
        return text.replace(TOPIC, topic)
                .replace(COMPANY, context.tenantName())
                .replace("{Organization.name}", context.tenantName())
                .replace("{Account.name}", "{Lead.accountName}")
                .replace("{User.name}", context.userName());
    }
}
