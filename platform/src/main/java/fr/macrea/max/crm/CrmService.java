package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;
import fr.macrea.max.tenant.CrmMode;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.tenant.TenantService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link CrmGateway} of the platform. Reads always come from the tenant schema (the embedded CRM, or the
 * replica of the tenant's EspoCRM: fast and uniform); writes go to the source of truth chosen by
 * {@code Tenant.crmMode()}: the tenant schema, or EspoCRM first and then the replica. Callers never know the mode.
 * Every method needs a signed-in tenant user (the tenant is the principal's); the embedded CRM's read-write-read of
 * {@link #update} is one transaction, so its before-image is exactly what the write replaced.
 */
@Service
@PreAuthorize("hasRole('TENANT_USER')")
public class CrmService implements CrmGateway {

    private static final int MAX_POST = 65_000;
    private static final int SCAN_PAGE = 1_000;

    private final CrmStore store;
    private final CrmReader reader;
    private final TargetListStore targetLists;
    private final EmbeddedWriter embedded;
    private final EspoWriter espo;
    private final TenantService tenants;
    private final TenantContext context;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final BulkRecords bulk;
    private final BulkWrites bulkWrites;

    CrmService(CrmStore store, CrmReader reader, TargetListStore targetLists, EmbeddedWriter embedded, EspoWriter espo, TenantService tenants,
               TenantContext context, ApplicationEventPublisher events, Clock clock,
               PlatformTransactionManager transactions, BulkRecords bulk, BulkWrites bulkWrites) {
        this.bulk = bulk;
        this.bulkWrites = bulkWrites;
        this.store = store;
        this.reader = reader;
        this.targetLists = targetLists;
        this.embedded = embedded;
        this.espo = espo;
        this.tenants = tenants;
        this.context = context;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    private CrmWriter writer() {
        return tenants.current().crmMode() == CrmMode.ESPOCRM ? espo : embedded;
    }

    @Override
    public Optional<Lead> findLead(String id) {
        return store.read("Lead", id).map(CrmService::lead);
    }

    @Override
    public Optional<Contact> findContact(String id) {
        return store.read("Contact", id).map(CrmService::contact);
    }

    @Override
    public CrmPage<Lead> searchLeads(CrmQuery query) {
        CrmPage<Map<String, Object>> page = reader.search("Lead", query);
        return new CrmPage<>(page.items().stream().map(CrmService::lead).toList(), page.nextCursor());
    }

    /** In pages of 1 000 in id order (an index range each), see {@link CrmReader#scan}. */
    @Override
    public void scanLeads(CrmQuery query, java.util.function.Consumer<List<Lead>> pages) {
        reader.scan("Lead", query, SCAN_PAGE, rows -> pages.accept(rows.stream().map(CrmService::lead).toList()));
    }

    @Override
    public CrmPage<Contact> searchContacts(CrmQuery query) {
        CrmPage<Map<String, Object>> page = reader.search("Contact", query);
        return new CrmPage<>(page.items().stream().map(CrmService::contact).toList(), page.nextCursor());
    }

    @Override
    public Map<String, Object> readAttributes(EntityRef ref, Set<String> attributes) {
        Map<String, Object> record = store.require(ref.entityType(), ref.id());
        return subset(ref.entityType(), record, attributes);
    }

    @Override
    public String create(String entityType, Map<String, Object> attributes, boolean skipDuplicateCheck) {
        CrmInput.prepare(entityType, attributes, CrmInput.Mode.STRICT, store.custom(entityType));
        String id = writer().create(entityType, attributes, skipDuplicateCheck);
        publish(new EntityRef(entityType, id), "created");
        return id;
    }

    @Override
    public RecordWrite update(EntityRef ref, Map<String, Object> changes) {
        CrmIds.require(ref.id());
        if (changes.isEmpty()) {
            throw new CrmValidationException(Message.of("crm.update.empty"));
        }
        CrmInput.prepare(ref.entityType(), changes, CrmInput.Mode.STRICT, store.custom(ref.entityType()));
        CrmWriter writer = writer();
        RecordWrite write;
        if (writer == embedded) {
            // one transaction, the row locked from the before-image read on: a concurrent write waits, so no two
            // writes return the same before-image and undo restores what this write really replaced
            write = tx.execute(status -> readWriteRead(writer, ref, changes, true));
        } else {
            // EspoCRM is the source of truth and is called over HTTP: no local transaction is held across the call
            write = readWriteRead(writer, ref, changes, false);
        }
        publish(ref, "updated");
        return write;
    }

    private RecordWrite readWriteRead(CrmWriter writer, EntityRef ref, Map<String, Object> changes, boolean lock) {
        Map<String, Object> record = lock ? store.requireForUpdate(ref.entityType(), ref.id())
                : store.require(ref.entityType(), ref.id());
        Map<String, Object> before = subset(ref.entityType(), record, changes.keySet());
        writer.update(ref.entityType(), ref.id(), changes);
        Map<String, Object> after = subset(ref.entityType(), store.require(ref.entityType(), ref.id()), changes.keySet());
        return new RecordWrite(ref, before, after);
    }

    @Override
    public void delete(EntityRef ref) {
        CrmIds.require(ref.id());
        CrmSchema.table(ref.entityType());
        writer().delete(ref.entityType(), ref.id());
        publish(ref, "deleted");
    }

    @Override
    public List<TimelineEntry> timeline(EntityRef ref, int limit) {
        return reader.timeline(ref, limit);
    }

    @Override
    public String addNote(EntityRef parent, String post) {
        if (post == null || post.isBlank()) {
            throw new CrmValidationException(Message.of("crm.note.empty"));
        }
        if (post.length() > MAX_POST) {
            throw new CrmValidationException(Message.of("crm.note.too-long", MAX_POST));
        }
        store.require(parent.entityType(), parent.id());
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("type", "Post");
        note.put("post", post);
        note.put("parentType", parent.entityType());
        note.put("parentId", parent.id());
        return writer().create("Note", note, true);
    }

    @Override
    public String addTask(EntityRef parent, NewTask task) {
        if (task.name() == null || task.name().isBlank()) {
            throw new CrmValidationException(Message.of("crm.task.name.required"));
        }
        store.require(parent.entityType(), parent.id());
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", task.name());
        attributes.put("status", "Not Started");
        attributes.put("priority", task.priority() == null ? "Normal" : task.priority());
        if (!Set.of("Low", "Normal", "High", "Urgent").contains(attributes.get("priority"))) {
            throw new CrmValidationException(Message.of("crm.task.priority.invalid", task.priority()));
        }
        if (task.description() != null) {
            attributes.put("description", task.description());
        }
        if (task.dueAt() != null) {
            attributes.put("dateEnd", CrmStore.ESPO_DATETIME.format(CrmReader.utc(task.dueAt())));
        }
        if (task.assignedUserId() != null) {
            attributes.put("assignedUserId", task.assignedUserId());
        }
        attributes.put("parentType", parent.entityType());
        attributes.put("parentId", parent.id());
        CrmInput.prepare("Task", attributes, CrmInput.Mode.STRICT);
        String id = writer().create("Task", attributes, true);
        publish(new EntityRef("Task", id), "created");
        return id;
    }

    @Override
    public Set<String> tags(EntityRef ref) {
        return CrmReader.tagsOf(store.require(ref.entityType(), ref.id()));
    }

    @Override
    public RecordWrite setTags(EntityRef ref, Set<String> tags) {
        if (!ref.entityType().equals("Lead") && !ref.entityType().equals("Contact")) {
            throw new CrmValidationException(Message.of("crm.tags.persons-only"));
        }
        for (String tag : tags) {
            // one array_value row per tag: its value column is 100 characters wide
            if (tag != null && tag.strip().length() > TAG_MAX_LENGTH) {
                throw new CrmValidationException(Message.of("crm.tag.too-long", TAG_MAX_LENGTH));
            }
        }
        return update(ref, Map.of(CrmStore.TAGS, List.copyOf(tags)));
    }

    @Override
    public List<EmailTemplate> emailTemplates() {
        return reader.emailTemplates();
    }

    @Override
    public String createEmailTemplate(EmailTemplate template) {
        if (template.name() == null || template.name().isBlank()) {
            throw new CrmValidationException(Message.of("crm.email-template.name.required"));
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", template.name());
        attributes.put("subject", template.subject());
        attributes.put("body", template.body());
        attributes.put("isHtml", template.isHtml());
        if (template.categoryId() != null) {
            attributes.put("categoryId", template.categoryId());
        }
        return create("EmailTemplate", attributes, true);
    }

    @Override
    public String emailTemplateCategory(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 255) {
            throw new CrmValidationException(Message.of("crm.email-template.category.name"));
        }
        return reader.emailTemplateCategoryId(n).orElseGet(() -> create("EmailTemplateCategory", Map.of("name", n), true));
    }

    @Override
    public List<Campaign> campaigns() {
        return reader.campaigns();
    }

    @Override
    public String createCampaign(Campaign campaign) {
        if (campaign.name() == null || campaign.name().isBlank()) {
            throw new CrmValidationException(Message.of("crm.campaign.name.required"));
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", campaign.name());
        attributes.put("status", campaign.status() == null ? "Planning" : campaign.status());
        attributes.put("type", campaign.type() == null ? "Email" : campaign.type());
        attributes.put("startDate", date(campaign.startDate()));
        attributes.put("endDate", date(campaign.endDate()));
        attributes.put("description", campaign.description());
        return create("Campaign", attributes, true);
    }

    @Override
    public String logCampaignEvent(CampaignLogEntry entry) {
        CrmIds.require(entry.campaignId());
        store.require("Campaign", entry.campaignId());
        if (entry.target() != null) {
            store.require(entry.target().entityType(), entry.target().id());
        }
        return writer().create("CampaignLogRecord", campaignLogAttributes(entry), true);
    }

    private Map<String, Object> campaignLogAttributes(CampaignLogEntry entry) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("campaignId", entry.campaignId());
        attributes.put("action", entry.action());
        attributes.put("actionDate", CrmStore.ESPO_DATETIME.format(CrmReader.utc(
                entry.actionDate() == null ? clock.instant() : entry.actionDate())));
        if (entry.target() != null) {
            attributes.put("parentType", entry.target().entityType());
            attributes.put("parentId", entry.target().id());
        }
        attributes.put("stringData", entry.stringData());
        CrmInput.prepare("CampaignLogRecord", attributes, CrmInput.Mode.STRICT);
        return attributes;
    }

    @Override
    public List<String> logCampaignEvents(List<CampaignLogEntry> entries) {
        entries.forEach(e -> CrmIds.require(e.campaignId()));
        return bulkWrites.logCampaignEvents(writer(), entries, this::campaignLogAttributes);
    }

    @Override
    public List<String> createAll(String entityType, List<Map<String, Object>> records) {
        return bulkWrites.createAll(writer(), entityType, records);
    }

    @Override
    public int updateAll(String entityType, java.util.Collection<String> ids, Map<String, Object> changes) {
        return bulkWrites.updateAll(writer(), entityType, ids, changes);
    }

    @Override
    public Map<String, Lead> findLeads(java.util.Collection<String> ids) {
        Map<String, Lead> out = new LinkedHashMap<>();
        bulk.readAll("Lead", ids).forEach((id, a) -> out.put(id, lead(a)));
        return out;
    }

    @Override
    public List<CampaignLogEntry> campaignLog(String campaignId, int limit) {
        return reader.campaignLog(campaignId, limit);
    }

    @Override
    public Consent consent(EntityRef ref) {
        Map<String, Object> record = store.require(ref.entityType(), ref.id());
        return new Consent(Boolean.TRUE.equals(record.get("emailAddressIsOptedOut")),
                Boolean.TRUE.equals(record.get("doNotCall")),
                targetLists.optedOut(ref.entityType(), ref.id()));
    }

    @Override
    public void setTargetListOptOut(EntityRef ref, String targetListId, boolean optedOut) {
        store.require(ref.entityType(), ref.id());
        store.require("TargetList", targetListId);
        writer().setTargetListOptOut(ref.entityType(), ref.id(), targetListId, optedOut);
        publish(ref, "updated");
    }

    // ----------------------------------------------------------------

    private void publish(EntityRef ref, String change) {
        events.publishEvent(CrmEvents.of(context.current(), ref, change, "max", clock.instant()));
    }

    private static Map<String, Object> subset(String entityType, Map<String, Object> record, Set<String> attributes) {
        Map<String, Object> out = new LinkedHashMap<>();
        var table = CrmSchema.table(entityType);
        for (String attr : attributes) {
            String key = record.containsKey(attr) ? attr : CrmSchema.canonical(table, attr);
            if (!record.containsKey(key)) {
                throw new CrmValidationException(Message.of("crm.field.unknown", CrmStore.label(entityType), attr));
            }
            out.put(attr, record.get(key));
        }
        return out;
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    static Lead lead(Map<String, Object> a) {
        return new Lead(s(a, "id"), s(a, "firstName"), s(a, "lastName"), s(a, "accountName"), s(a, "title"),
                s(a, "emailAddress"), Boolean.TRUE.equals(a.get("emailAddressIsOptedOut")), s(a, "phoneNumber"),
                Boolean.TRUE.equals(a.get("doNotCall")), s(a, "status"), s(a, "source"), s(a, "industry"),
                s(a, "addressCity"), s(a, "description"), CrmReader.tagsOf(a), s(a, "assignedUserId"),
                s(a, "campaignId"), CrmValues.instant(a.get("createdAt")), CrmValues.instant(a.get("modifiedAt")));
    }

    static Contact contact(Map<String, Object> a) {
        return new Contact(s(a, "id"), s(a, "firstName"), s(a, "lastName"), s(a, "accountId"), s(a, "emailAddress"),
                Boolean.TRUE.equals(a.get("emailAddressIsOptedOut")), s(a, "phoneNumber"),
                Boolean.TRUE.equals(a.get("doNotCall")), s(a, "addressCity"), s(a, "description"), CrmReader.tagsOf(a),
                s(a, "assignedUserId"), s(a, "campaignId"), CrmValues.instant(a.get("createdAt")),
                CrmValues.instant(a.get("modifiedAt")));
    }

    private static String s(Map<String, Object> a, String key) {
        Object v = a.get(key);
        return v == null ? null : v.toString();
    }
}
