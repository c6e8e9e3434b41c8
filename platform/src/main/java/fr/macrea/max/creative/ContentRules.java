package fr.macrea.max.creative;

import fr.macrea.max.crm.LeadPlaceholders;
import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.Message;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a creation must satisfy before it is saved in the CRM, shared by the editor (every problem at once) and the
 * save actions (the first one refuses). The image slot marker is data of the bundle (the same text in both
 * languages: it is what templates contain).
 */
@Component
class ContentRules {

    static final String IMAGE_SLOT = FrenchMessages.render(Message.of("creative.image.slot"));
    static final int NAME_LENGTH = 190;
    static final int SUBJECT_LENGTH = 250;
    static final int HTML_LENGTH = 200_000;
    static final int WHATSAPP_LENGTH = 4_096;
    static final int SMS_LENGTH = 1_530; // ten parts of 153 septets
    static final int SCRIPT_LENGTH = 10_000;

    /** Any {@code {Entity.field}}: a Lead one must exist in the CRM, any other entity is not filled per recipient. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)\\.([A-Za-z][A-Za-z0-9]{0,62})}");
    private static final Pattern WRITER_LEFTOVER = Pattern.compile("\\{\\{[a-z]+}}");
    private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z!/?][^>]*>");

    private final LeadPlaceholders placeholders;

    ContentRules(LeadPlaceholders placeholders) {
        this.placeholders = placeholders;
    }

    static int slots(String body) {
        int n = 0;
        for (int i = body.indexOf(IMAGE_SLOT); i >= 0; i = body.indexOf(IMAGE_SLOT, i + IMAGE_SLOT.length())) {
            n++;
        }
        return n;
    }

    /** Every problem of the content, in the order the editor shows them; empty when it can be saved. */
    List<Message> problems(CreaContent c, boolean slotsAllowed) {
        List<Message> out = new ArrayList<>();
        if (c.channel() == null || !CreativeChannels.ALL.contains(c.channel())) {
            out.add(Message.of("creative.content.channel"));
            return out;
        }
        if (c.name() == null || c.name().isBlank()) {
            out.add(Message.of("creative.content.name.required"));
        } else if (c.name().strip().length() > NAME_LENGTH) {
            out.add(Message.of("creative.content.name.too-long", NAME_LENGTH));
        }
        if (c.html() && c.subject().isBlank()) {
            out.add(Message.of("creative.content.subject.required"));
        }
        if (c.subject().length() > SUBJECT_LENGTH) {
            out.add(Message.of("creative.content.subject.too-long", SUBJECT_LENGTH));
        }
        if (c.body().isBlank()) {
            out.add(Message.of("creative.content.body.required"));
        }
        int max = maxLength(c.channel());
        if (c.body().length() > max) {
            out.add(Message.of("creative.content.body.too-long", max));
        }
        if (!c.html() && (MARKUP.matcher(c.body()).find() || MARKUP.matcher(c.subject()).find())) {
            out.add(Message.of("creative.content.html-refused", Message.of(CreativeChannels.labelKey(c.channel()))));
        }
        Set<String> unknown = unknownPlaceholders(c.subject() + "\n" + c.body());
        if (!unknown.isEmpty()) {
            out.add(Message.of("creative.content.placeholders.unknown", String.join(", ", unknown)));
        }
        Matcher leftover = WRITER_LEFTOVER.matcher(c.subject() + c.body());
        if (leftover.find()) {
            out.add(Message.of("creative.content.placeholders.unknown", leftover.group()));
        }
        int slots = slots(c.body()) + slots(c.subject());
        if (slots > 0 && !slotsAllowed) {
            out.add(Message.of("creative.content.image-slots", slots, IMAGE_SLOT));
        }
        return out;
    }

    /** Placeholders no lead can fill: unknown Lead fields, and any other entity's (not filled per recipient). */
    Set<String> unknownPlaceholders(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!m.group(1).equals("Lead")) {
                out.add(m.group());
            }
        }
        out.addAll(placeholders.unknown(text));
        return out;
    }

    static int maxLength(Channel channel) {
        return switch (channel) {
            case NEWSLETTER, EMAIL -> HTML_LENGTH;
            case WHATSAPP -> WHATSAPP_LENGTH;
            case SMS -> SMS_LENGTH;
            default -> SCRIPT_LENGTH;
        };
    }
}
