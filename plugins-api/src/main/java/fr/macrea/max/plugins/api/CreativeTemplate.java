package fr.macrea.max.plugins.api;

import java.util.Objects;

/**
 * A creative template for Espace Créa. The platform fills placeholders from CRM data and may have the AI rewrite the
 * body in the brand's tone; the result is saved as an EspoCRM {@code EmailTemplate}.
 *
 * <p>
 * Brains create it with {@link #of}; the canonical constructor is not part of the brain-facing contract (it gains a
 * parameter whenever a component is added in a minor release), the accessors are.
 *
 * @param id stable identifier (lower-case, digits, {@code -} or {@code _}), unique within the brain
 * @param name FR/EN name shown in the template picker
 * @param channel where it is sent
 * @param subject subject line (e-mail / newsletter), empty for other channels; may hold placeholders
 * @param body the text; placeholders are EspoCRM-style {@code {Entity.field}}, e.g. {@code {Lead.firstName}},
 *             {@code {Account.name}}, {@code {User.name}}; {@code [Votre image ici]} marks an image slot
 * @param tone the brand tone the AI keeps when it personalises the text (French)
 * @since 1.0
 */
public record CreativeTemplate(String id, Label name, Channel channel, String subject, String body, String tone) {

    public CreativeTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channel, "channel");
        subject = subject == null ? "" : subject;
        Objects.requireNonNull(body, "body");
        tone = tone == null ? "" : tone;
    }

    /** A template; members added in a later 2.x get defaults here and {@code with...} methods to set them. */
    public static CreativeTemplate of(String id, Label name, Channel channel, String subject, String body, String tone) {
        return new CreativeTemplate(id, name, channel, subject, body, tone);
    }
}
