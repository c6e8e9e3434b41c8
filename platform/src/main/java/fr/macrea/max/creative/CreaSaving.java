package fr.macrea.max.creative;

import fr.macrea.max.action.ActionRefusedException;
import fr.macrea.max.action.Mode;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.action.UndoConflict;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.EmailTemplate;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.Message;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * What both save actions do ({@link CreaSaveAction}: {@link NewsletterAction}, {@link ShortMessageAction}): check, save the creation as an
 * EspoCRM {@code EmailTemplate} through the CRM port (embedded or EspoCRM), and remove it again on undo.
 * <p>
 * Image slots: a run that writes at once refuses a slot left (before anything is charged); an Assisté request may
 * keep one in its draft (work in progress, e.g. from the assistant), but validating that draft is refused, and the
 * draft stays in the inbox until rejected.
 */
@Component
class CreaSaving {

    private final ContentRules rules;
    private final CrmGateway crm;
    private final ModeService modes;

    CreaSaving(ContentRules rules, CrmGateway crm, ModeService modes) {
        this.rules = rules;
        this.crm = crm;
        this.modes = modes;
    }

    void validate(CreaContent c, Set<Channel> channels) {
        if (c == null || c.channel() == null || !channels.contains(c.channel())) {
            throw new ActionRefusedException(Message.of("creative.content.channel"));
        }
        refuseFirst(rules.problems(c, modes.current() == Mode.ASSISTE));
    }

    void beforeValidation(CreaContent c) {
        refuseFirst(rules.problems(c, false));
    }

    CreaSaved save(CreaContent c) {
        // checked again here: a draft validated long after it was made must still hold no slot
        refuseFirst(rules.problems(c, false));
        String body = c.html() ? HtmlSanitizer.sanitize(c.body()) : c.body();
        String name = c.name().strip();
        // filed under one category per channel ("Espace Créa – Newsletter"), the CRM's way to find them again
        String category = crm.emailTemplateCategory(FrenchMessages.render(Message.of("creative.category",
                Message.of(CreativeChannels.labelKey(c.channel())))));
        String id = crm.createEmailTemplate(new EmailTemplate(null, name, c.subject().strip(), body, c.html(), category, null));
        return new CreaSaved(id, name, c.channel(), fingerprint(c.subject().strip(), body));
    }

    Message describe(CreaContent c) {
        String name = c == null || c.name() == null ? "" : c.name().strip();
        name = name.substring(0, Math.min(name.length(), 120));
        return Message.of("creative.action.describe", c == null || c.channel() == null ? ""
                : Message.of(CreativeChannels.labelKey(c.channel())), name);
    }

    /** Someone edited the template since it was saved: undoing would lose their edit. */
    List<UndoConflict> conflicts(CreaSaved saved) {
        return find(saved.templateId())
                .filter(t -> !fingerprint(t.subject(), t.body()).equals(saved.fingerprint()))
                .map(t -> List.of(new UndoConflict(ref(saved), "body", clip(t.body()), "")))
                .orElse(List.of());
    }

    void remove(CreaSaved saved, boolean overwrite) {
        if (find(saved.templateId()).isEmpty()) {
            return; // already removed (in EspoCRM by someone, or by an earlier undo): nothing left to undo
        }
        if (!overwrite && !conflicts(saved).isEmpty()) {
            throw new ActionRefusedException(Message.of("creative.undo.edited", saved.name()));
        }
        crm.delete(ref(saved));
    }

    private java.util.Optional<EmailTemplate> find(String id) {
        return crm.emailTemplates().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    private static EntityRef ref(CreaSaved saved) {
        return new EntityRef("EmailTemplate", saved.templateId());
    }

    private static void refuseFirst(List<Message> problems) {
        if (!problems.isEmpty()) {
            throw new ActionRefusedException(problems.getFirst());
        }
    }

    private static String clip(String s) {
        String t = s == null ? "" : s;
        return t.substring(0, Math.min(t.length(), 80));
    }

    static String fingerprint(String subject, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((subject == null ? "" : subject).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update((body == null ? "" : body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
