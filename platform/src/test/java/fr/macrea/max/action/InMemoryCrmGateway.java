package fr.macrea.max.action;

import fr.macrea.max.crm.Campaign;
import fr.macrea.max.crm.CampaignLogEntry;
import fr.macrea.max.crm.Consent;
import fr.macrea.max.crm.Contact;
import fr.macrea.max.crm.CrmDuplicateException;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.CrmIds;
import fr.macrea.max.crm.CrmPage;
import fr.macrea.max.crm.CrmQuery;
import fr.macrea.max.crm.CrmRecordChanged;
import fr.macrea.max.crm.CrmValidationException;
import fr.macrea.max.crm.EmailTemplate;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.crm.Lead;
import fr.macrea.max.crm.NewTask;
import fr.macrea.max.crm.RecordWrite;
import fr.macrea.max.crm.TimelineEntry;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.TenantId;
import org.springframework.context.ApplicationEventPublisher;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A CRM in memory, one per tenant (the tenant of the signed-in principal, like the real adapters), so wallet and
 * action tests do not depend on a CRM schema. Attribute names are EspoCRM's. It passes the shared
 * {@code CrmGatewayContract} ({@code InMemoryCrmContractIT}): same checks, errors, search rule and pagination as
 * {@code CrmService} (in {@link InMemoryCrmRules}), without its storage (an {@link InMemoryRecordStore}). Every
 * method holds this object's lock, which also guards the store.
 */
public class InMemoryCrmGateway implements CrmGateway {

    private final InMemoryRecordStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    public InMemoryCrmGateway(TenantContext context) {
        this(context, null);
    }

    /** With a publisher, every change publishes a {@link CrmRecordChanged} as the real port does. */
    public InMemoryCrmGateway(TenantContext context, ApplicationEventPublisher events) {
        this(context::current, events);
    }

    /** For unit tests without Spring: a fixed tenant. */
    public InMemoryCrmGateway(TenantId fixed) {
        this(() -> fixed, null);
    }

    private InMemoryCrmGateway(Supplier<TenantId> tenant, ApplicationEventPublisher events) {
        this.store = new InMemoryRecordStore(tenant);
        this.events = events;
    }

    // ---------------------------------------------------------------- test helpers

    public synchronized void putLead(Lead lead) {
        store.put(EntityRef.lead(lead.id()), InMemoryRecordStore.attributes(lead));
    }

    public synchronized void addTimeline(EntityRef ref, TimelineEntry entry) {
        store.addTimeline(ref, entry);
    }

    /** A human edit, outside any action. */
    public synchronized void humanEdit(EntityRef ref, String field, Object value) {
        store.row(ref).put(field, value);
    }

    public synchronized Map<String, Object> record(EntityRef ref) {
        Map<String, Object> record = store.row(ref);
        return record == null ? null : new HashMap<>(record);
    }

    public synchronized List<String> notes(EntityRef ref) {
        return List.copyOf(store.notes(ref));
    }

    // ---------------------------------------------------------------- records

    @Override
    public synchronized Optional<Lead> findLead(String id) {
        return store.live(EntityRef.lead(CrmIds.require(id))).map(InMemoryRecordStore::lead);
    }

    @Override
    public synchronized Optional<Contact> findContact(String id) {
        return store.live(EntityRef.contact(CrmIds.require(id))).map(InMemoryRecordStore::contact);
    }

    @Override
    public synchronized Map<String, Object> readAttributes(EntityRef ref, Set<String> attributes) {
        Map<String, Object> record = store.require(ref);
        Map<String, Object> values = new LinkedHashMap<>();
        attributes.forEach(k -> values.put(k, record.get(k)));
        return values;
    }

    @Override
    public synchronized String create(String entityType, Map<String, Object> attributes, boolean skipDuplicateCheck) {
        InMemoryCrmRules.check(entityType, attributes);
        if (!skipDuplicateCheck && Set.of("Lead", "Contact", "Account").contains(entityType)) {
            List<Map<String, Object>> duplicates = store.duplicates(entityType, attributes);
            if (!duplicates.isEmpty()) {
                throw new CrmDuplicateException(duplicates);
            }
        }
        String id = CrmIds.generate(clock);
        Instant now = clock.instant();
        Map<String, Object> a = new LinkedHashMap<>(attributes);
        a.put("id", id);
        a.put("createdAt", now);
        a.put("modifiedAt", now);
        if (a.containsKey("cTags")) {
            a.put("cTags", InMemoryCrmRules.tagList(a.get("cTags")));
        }
        EntityRef ref = new EntityRef(entityType, id);
        store.put(ref, a);
        publish(ref, "created");
        return id;
    }

    @Override
    public synchronized RecordWrite update(EntityRef ref, Map<String, Object> changes) {
        CrmIds.require(ref.id());
        if (changes.isEmpty()) {
            throw new CrmValidationException("no change asked");
        }
        Map<String, Object> record = store.require(ref);
        InMemoryCrmRules.check(ref.entityType(), changes);
        Map<String, Object> before = new LinkedHashMap<>();
        changes.keySet().forEach(k -> before.put(k, record.get(k)));
        changes.forEach((k, v) -> record.put(k, k.equals("cTags") ? InMemoryCrmRules.tagList(v) : v));
        Map<String, Object> after = new LinkedHashMap<>();
        changes.keySet().forEach(k -> after.put(k, record.get(k)));
        publish(ref, "updated");
        return new RecordWrite(ref, before, after);
    }

    @Override
    public synchronized void delete(EntityRef ref) {
        store.require(ref).put("deleted", true);
        publish(ref, "deleted");
    }

    // ---------------------------------------------------------------- search

    @Override
    public synchronized CrmPage<Lead> searchLeads(CrmQuery query) {
        return store.search("Lead", query, InMemoryRecordStore::lead);
    }

    @Override
    public synchronized CrmPage<Contact> searchContacts(CrmQuery query) {
        return store.search("Contact", query, InMemoryRecordStore::contact);
    }

    // ---------------------------------------------------------------- timeline, notes, tasks, tags

    @Override
    public synchronized List<TimelineEntry> timeline(EntityRef ref, int limit) {
        List<TimelineEntry> entries = new ArrayList<>(store.timeline(ref));
        entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
        return entries.subList(0, Math.min(limit, entries.size()));
    }

    @Override
    public synchronized String addNote(EntityRef parent, String post) {
        if (post == null || post.isBlank()) {
            throw new CrmValidationException("empty note");
        }
        store.require(parent);
        store.addNote(parent, post);
        String id = CrmIds.generate(clock);
        store.addTimeline(parent, new TimelineEntry("Note", id, "Post", "Post", post, clock.instant()));
        return id;
    }

    @Override
    public synchronized String addTask(EntityRef parent, NewTask task) {
        if (task.name() == null || task.name().isBlank()) {
            throw new CrmValidationException("a task needs a name");
        }
        if (task.priority() != null && !Set.of("Low", "Normal", "High", "Urgent").contains(task.priority())) {
            throw new CrmValidationException("bad priority " + task.priority());
        }
        store.require(parent);
        String id = create("Task", Map.of("name", task.name()), true);
        store.addTimeline(parent, new TimelineEntry("Task", id, task.name(), "Not Started", task.description(), clock.instant()));
        return id;
    }

    @Override
    public synchronized Set<String> tags(EntityRef ref) {
        return InMemoryRecordStore.tagsOf(store.require(ref));
    }

    @Override
    public synchronized RecordWrite setTags(EntityRef ref, Set<String> tags) {
        return update(ref, Map.of("cTags", List.copyOf(tags)));
    }

    // ---------------------------------------------------------------- templates, campaigns, consent

    @Override
    public synchronized List<EmailTemplate> emailTemplates() {
        return store.all("EmailTemplate").map(InMemoryRecordStore::emailTemplate).toList();
    }

    @Override
    public synchronized String createEmailTemplate(EmailTemplate t) {
        Map<String, Object> a = new HashMap<>();
        a.put("name", t.name());
        a.put("subject", t.subject());
        a.put("body", t.body());
        a.put("isHtml", t.isHtml());
        if (t.categoryId() != null) {
            a.put("categoryId", t.categoryId());
        }
        return create("EmailTemplate", a, true);
    }

    @Override
    public synchronized String emailTemplateCategory(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 255) {
            throw new fr.macrea.max.crm.CrmValidationException(fr.macrea.max.shared.Message.of("crm.email-template.category.name"));
        }
        return store.all("EmailTemplateCategory").filter(c -> n.equals(c.get("name"))).map(c -> (String) c.get("id"))
                .findFirst().orElseGet(() -> create("EmailTemplateCategory", Map.of("name", n), true));
    }

    @Override
    public synchronized List<Campaign> campaigns() {
        return store.all("Campaign").map(InMemoryRecordStore::campaign).toList();
    }

    @Override
    public synchronized String createCampaign(Campaign c) {
        return create("Campaign", Map.of("name", c.name(), "status", c.status() == null ? "Planning" : c.status(),
                "type", c.type() == null ? "Email" : c.type()), true);
    }

    @Override
    public synchronized String logCampaignEvent(CampaignLogEntry entry) {
        Map<String, Object> campaign = store.require(new EntityRef("Campaign", CrmIds.require(entry.campaignId())));
        Instant at = entry.actionDate() == null ? clock.instant() : entry.actionDate();
        Map<String, Object> a = new HashMap<>();
        a.put("campaignId", entry.campaignId());
        a.put("action", entry.action());
        a.put("actionDate", at);
        a.put("target", entry.target());
        if (entry.target() != null) {
            store.require(entry.target()); // before writing, like the real port: an unknown target logs nothing
        }
        String id = create("CampaignLogRecord", a, true);
        if (entry.target() != null) {
            store.addTimeline(entry.target(), new TimelineEntry("CampaignLogRecord", id, (String) campaign.get("name"),
                    entry.action(), entry.stringData(), at));
        }
        return id;
    }

    @Override
    public synchronized List<CampaignLogEntry> campaignLog(String campaignId, int limit) {
        return store.all("CampaignLogRecord").filter(a -> campaignId.equals(a.get("campaignId")))
                .map(InMemoryRecordStore::campaignLogEntry).limit(limit).toList();
    }

    @Override
    public synchronized Consent consent(EntityRef ref) {
        Map<String, Object> a = store.require(ref);
        return new Consent(Boolean.TRUE.equals(a.get("emailAddressIsOptedOut")), Boolean.TRUE.equals(a.get("doNotCall")),
                InMemoryRecordStore.optedOutLists(a));
    }

    @Override
    public synchronized void setTargetListOptOut(EntityRef ref, String targetListId, boolean optedOut) {
        Map<String, Object> a = store.require(ref);
        store.require(new EntityRef("TargetList", CrmIds.require(targetListId)));
        Set<String> lists = new LinkedHashSet<>(InMemoryRecordStore.optedOutLists(a));
        if (optedOut) {
            lists.add(targetListId);
        } else {
            lists.remove(targetListId);
        }
        a.put("optedOutLists", lists);
        publish(ref, "updated");
    }

    private void publish(EntityRef ref, String change) {
        if (events != null) {
            String type = "crm." + ref.entityType().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT) + "." + change;
            events.publishEvent(new CrmRecordChanged(store.tenant(), type, ref.entityType() + " " + ref.id() + " " + change,
                    clock.instant(), ref, "max"));
        }
    }
}
