package fr.macrea.max.creative;

import fr.macrea.max.brain.BrainCatalog;
import fr.macrea.max.brain.Contributed;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.EmailTemplate;
import fr.macrea.max.crm.LeadPlaceholders;
import fr.macrea.max.http.PublicUrls;
import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.plugins.api.CreativeTemplate;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.Message;
import fr.macrea.max.tenant.TenantService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Espace Créa for the signed-in user, in their tenant only: the models (M.A.X.'s five and the active brains'),
 * the first version of a text, the editor's checks, the preview as a real lead, the image slots and their uploads.
 * Saving in the CRM is not here: it is the {@code newsletter.create} / {@code whatsapp.message} action, run by the
 * action pipeline from the view's action card.
 */
@Service
@PreAuthorize("hasRole('TENANT_USER')")
public class CreativeService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final BrainCatalog brains;
    private final List<ContentWriter> writers;
    private final ContentRules rules;
    private final LeadPlaceholders placeholders;
    private final ImageUploads uploads;
    private final CreativeImageRepository images;
    private final PublicUrls urls;
    private final CrmGateway crm;
    private final TenantService tenants;
    private final TenantContext context;
    private final Clock clock;

    CreativeService(BrainCatalog brains, List<ContentWriter> writers, ContentRules rules, LeadPlaceholders placeholders,
                    ImageUploads uploads, CreativeImageRepository images, PublicUrls urls, CrmGateway crm,
                    TenantService tenants, TenantContext context, Clock clock) {
        this.brains = brains;
        this.writers = List.copyOf(writers);
        this.rules = rules;
        this.placeholders = placeholders;
        this.uploads = uploads;
        this.images = images;
        this.urls = urls;
        this.crm = crm;
        this.tenants = tenants;
        this.context = context;
        this.clock = clock;
    }

    /** The models of a channel (all channels when null): M.A.X.'s first, then the active brains' in their order. */
    public List<CreaModel> models(Channel channel) {
        List<CreaModel> all = new ArrayList<>(BuiltInModels.all());
        for (Contributed<CreativeTemplate> t : brains.templates()) {
            CreativeTemplate item = t.item();
            if (CreativeChannels.ALL.contains(item.channel())) {
                all.add(new CreaModel(t.key(), Message.of("creative.model.brain", item.name()), item.channel(),
                        item.subject(), item.body(), item.tone(), t.brainName()));
            }
        }
        return all.stream().filter(m -> channel == null || m.channel() == channel).toList();
    }

    public CreaModel model(String key) {
        return models(null).stream().filter(m -> m.key().equals(key)).findFirst()
                .orElseThrow(() -> new CreativeException(Message.of("creative.model.not-found")));
    }

    /** The first version of a creation: the model written for the topic by the first available writer. */
    public CreaContent write(String modelKey, String topic) {
        CreaModel model = model(modelKey);
        String t = topic == null ? "" : topic.strip();
        if (t.length() > 200) {
            throw new CreativeException(Message.of("creative.topic.too-long", 200));
        }
        MaxPrincipal user = context.principal().orElseThrow();
        ContentWriter.Context about = new ContentWriter.Context(tenants.current().name(), user.displayName());
        ContentWriter writer = writers.stream().filter(ContentWriter::available).findFirst().orElseThrow();
        ContentWriter.Written written = writer.write(model, t, about);
        String name = t.isEmpty() ? FrenchMessages.render(model.name()) : FrenchMessages.render(model.name()) + " - " + t;
        return new CreaContent(model.channel(), name.substring(0, Math.min(name.length(), ContentRules.NAME_LENGTH)),
                written.subject(), written.body(), model.key());
    }

    /** Every problem that blocks saving (placeholders, image slots left, HTML in a text message, lengths). */
    public List<Message> check(CreaContent content) {
        return rules.problems(content, false);
    }

    /** The lead fields a placeholder may name, for the editor's list. */
    public Set<String> placeholderFields() {
        return placeholders.fields();
    }

    /** The image slots left in a text. */
    public int imageSlots(String text) {
        return ContentRules.slots(text == null ? "" : text);
    }

    /** The text with its {@code slot}-th image slot (from 0) replaced by the image: an {@code img} or its link. */
    public CreaContent fillImageSlot(CreaContent content, int slot, CreaImage image) {
        // only this tenant's images: a token of another tenant does not resolve here
        CreaImage own = image(image.token()).orElseThrow(() -> new CreativeException(Message.of("creative.image.not-found")));
        String body = content.body();
        int at = -1;
        for (int i = 0; i <= slot; i++) {
            at = body.indexOf(ContentRules.IMAGE_SLOT, at + 1);
            if (at < 0) {
                throw new CreativeException(Message.of("creative.image.no-slot"));
            }
        }
        String replacement = content.html()
                ? "<img src=\"" + HtmlUtils.htmlEscape(own.url()) + "\" alt=\"\" width=\"" + Math.min(own.width(), 600) + "\" />"
                : own.url();
        return content.withBody(body.substring(0, at) + replacement + body.substring(at + ContentRules.IMAGE_SLOT.length()));
    }

    /** Checks, re-encodes and stores an upload for the tenant; refused with a clear message otherwise. */
    public CreaImage upload(byte[] bytes, String fileName) {
        ImageUploads.Encoded encoded = uploads.accept(bytes);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String name = fileName == null ? null : fileName.substring(0, Math.min(fileName.length(), 190));
        images.insert(token, encoded, name, context.principal().map(MaxPrincipal::userId).orElse(null),
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        return new CreaImage(token, urls.link(CreaImage.path(token)), encoded.contentType(), encoded.width(),
                encoded.height(), encoded.bytes().length);
    }

    /** An image of this tenant by its token. */
    public Optional<CreaImage> image(String token) {
        if (token == null || !PublicImages.TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return images.find(token).map(r -> new CreaImage(r.token(), urls.link(CreaImage.path(r.token())), r.contentType(),
                r.width(), r.height(), r.size()));
    }

    /** The creation as the lead would receive it: placeholders filled with its values, HTML sanitised. */
    public CreaPreview preview(CreaContent content, String leadId) {
        LeadPlaceholders.Filled subject = placeholders.fill(content.subject(), leadId);
        LeadPlaceholders.Filled body = placeholders.fill(content.body(), leadId);
        Set<String> unresolved = new java.util.LinkedHashSet<>(subject.unresolved());
        unresolved.addAll(body.unresolved());
        if (content.html()) {
            return new CreaPreview(subject.text(), HtmlSanitizer.sanitize(body.text()), true, unresolved, null);
        }
        return new CreaPreview(subject.text(), body.text(), false, unresolved, SmsSegments.count(body.text()));
    }

    /** The e-mail templates of the tenant's CRM (what Créa saved, and the others). */
    public List<EmailTemplate> creations() {
        return crm.emailTemplates();
    }

    public Optional<EmailTemplate> creation(String templateId) {
        return crm.emailTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst();
    }

    /** The priced action that saves a creation of this channel. */
    public static String actionId(Channel channel) {
        return CreativeChannels.actionId(channel);
    }
}
