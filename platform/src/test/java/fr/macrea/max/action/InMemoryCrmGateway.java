package fr.macrea.max.action;

import fr.macrea.max.crm.Campaign;
import fr.macrea.max.crm.CampaignLogEntry;
import fr.macrea.max.crm.Consent;
import fr.macrea.max.crm.Contact;
import fr.macrea.max.crm.CrmDuplicateException;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.CrmIds;
import fr.macrea.max.crm.CrmNotFoundException;
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

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
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
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A CRM in memory, one per tenant (the tenant of the signed-in principal, like the real adapters), so wallet and
 * action tests do not depend on a CRM schema. Attribute names are EspoCRM's. It passes the shared
 * {@code CrmGatewayContract} ({@code InMemoryCrmContractIT}): same checks, errors, search rule and pagination as
 * {@code CrmService}, without its storage.
 */
public class InMemoryCrmGateway implements CrmGateway {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.'&+-]{0,99}");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> PERSON = Set.of("firstName", "lastName", "salutationName", "title", "emailAddress",
            "emailAddressIsOptedOut", "phoneNumber", "doNotCall", "status", "source", "industry", "addressCity",
            "addressPostalCode", "addressCountry", "addressStreet", "description", "cTags", "assignedUserId",
            "campaignId", "accountName", "accountId", "website", "opportunityAmount", "opportunityAmountCurrency");
    private static final Map<String, Set<String>> ENUMS = Map.of(
            "status", Set.of("New", "Assigned", "In Process", "Converted", "Recycled", "Dead"),
            "source", Set.of("", "Call", "Email", "Existing Customer", "Partner", "Public Relations", "Web Site",
                    "Campaign", "Other"));
    private static final Set<String> SHORT = Set.of("firstName", "lastName", "title", "salutationName");

    private final Supplier<TenantId> tenant;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();
    private final Map<TenantId, Map<EntityRef, Map<String, Object>>> records = new HashMap<>();
    private final Map<TenantId, Map<EntityRef, List<TimelineEntry>>> timelines = new HashMap<>();
    private final Map<TenantId, Map<EntityRef, List<String>>> notes = new HashMap<>();

    public InMemoryCrmGateway(TenantContext context) {
        this(context, null);
    }

    /** With a publisher, every change publishes a {@link CrmRecordChanged} as the real port does. */
    public InMemoryCrmGateway(TenantContext context, ApplicationEventPublisher events) {
        this.tenant = context::current;
        this.events = events;
    }

    /** For unit tests without Spring: a fixed tenant. */
    public InMemoryCrmGateway(TenantId fixed) {
        this.tenant = () -> fixed;
        this.events = null;
    }

    // ---------------------------------------------------------------- test helpers

    public synchronized void putLead(Lead lead) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", lead.id());
        a.put("firstName", lead.firstName());
        a.put("lastName", lead.lastName());
        a.put("accountName", lead.accountName());
        a.put("title", lead.title());
        a.put("emailAddress", lead.emailAddress());
        a.put("emailAddressIsOptedOut", lead.emailOptedOut());
        a.put("phoneNumber", lead.phoneNumber());
        a.put("doNotCall", lead.doNotCall());
        a.put("status", lead.status());
        a.put("source", lead.source());
        a.put("industry", lead.industry());
        a.put("addressCity", lead.addressCity());
        a.put("description", lead.description());
        a.put("cTags", new ArrayList<>(lead.tags()));
        a.put("assignedUserId", lead.assignedUserId());
        a.put("campaignId", lead.campaignId());
        a.put("createdAt", lead.createdAt());
        a.put("modifiedAt", lead.modifiedAt());
        mine(records).put(EntityRef.lead(lead.id()), a);
    }

    public synchronized void addTimeline(EntityRef ref, TimelineEntry entry) {
        mine(timelines).computeIfAbsent(ref, r -> new ArrayList<>()).add(entry);
    }

    /** A human edit, outside any action. */
    public synchronized void humanEdit(EntityRef ref, String field, Object value) {
        mine(records).get(ref).put(field, value);
    }

    public synchronized Map<String, Object> record(EntityRef ref) {
        Map<String, Object> record = mine(records).get(ref);
        return record == null ? null : new HashMap<>(record);
    }

    public synchronized List<String> notes(EntityRef ref) {
        return List.copyOf(mine(notes).getOrDefault(ref, List.of()));
    }

    // ---------------------------------------------------------------- records

    @Override
    public synchronized Optional<Lead> findLead(String id) {
        return live(EntityRef.lead(CrmIds.require(id))).map(InMemoryCrmGateway::lead);
    }

    @Override
    public synchronized Optional<Contact> findContact(String id) {
        return live(EntityRef.contact(CrmIds.require(id))).map(a -> new Contact((String) a.get("id"),
                (String) a.get("firstName"), (String) a.get("lastName"), (String) a.get("accountId"),
                (String) a.get("emailAddress"), Boolean.TRUE.equals(a.get("emailAddressIsOptedOut")),
                (String) a.get("phoneNumber"), Boolean.TRUE.equals(a.get("doNotCall")), (String) a.get("addressCity"),
                (String) a.get("description"), tagsOf(a), (String) a.get("assignedUserId"), (String) a.get("campaignId"),
                (Instant) a.get("createdAt"), (Instant) a.get("modifiedAt")));
    }

    @Override
    public synchronized Map<String, Object> readAttributes(EntityRef ref, Set<String> attributes) {
        Map<String, Object> record = require(ref);
        Map<String, Object> values = new LinkedHashMap<>();
        attributes.forEach(k -> values.put(k, record.get(k)));
        return values;
    }

    @Override
    public synchronized String create(String entityType, Map<String, Object> attributes, boolean skipDuplicateCheck) {
        check(entityType, attributes);
        if (!skipDuplicateCheck && Set.of("Lead", "Contact", "Account").contains(entityType)) {
            List<Map<String, Object>> duplicates = duplicates(entityType, attributes);
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
            a.put("cTags", tagList(a.get("cTags")));
        }
        EntityRef ref = new EntityRef(entityType, id);
        mine(records).put(ref, a);
        publish(ref, "created");
        return id;
    }

    @Override
    public synchronized RecordWrite update(EntityRef ref, Map<String, Object> changes) {
        CrmIds.require(ref.id());
        if (changes.isEmpty()) {
            throw new CrmValidationException("no change asked");
        }
        Map<String, Object> record = require(ref);
        check(ref.entityType(), changes);
        Map<String, Object> before = new LinkedHashMap<>();
        changes.keySet().forEach(k -> before.put(k, record.get(k)));
        changes.forEach((k, v) -> record.put(k, k.equals("cTags") ? tagList(v) : v));
        Map<String, Object> after = new LinkedHashMap<>();
        changes.keySet().forEach(k -> after.put(k, record.get(k)));
        publish(ref, "updated");
        return new RecordWrite(ref, before, after);
    }

    @Override
    public synchronized void delete(EntityRef ref) {
        require(ref).put("deleted", true);
        publish(ref, "deleted");
    }

    // ---------------------------------------------------------------- search

    @Override
    public synchronized CrmPage<Lead> searchLeads(CrmQuery query) {
        return search("Lead", query, InMemoryCrmGateway::lead);
    }

    @Override
    public synchronized CrmPage<Contact> searchContacts(CrmQuery query) {
        return search("Contact", query, a -> findContact((String) a.get("id")).orElseThrow());
    }

    private <T> CrmPage<T> search(String entityType, CrmQuery q, java.util.function.Function<Map<String, Object>, T> map) {
        String[] after = q.after() == null ? null : decode(q.after());
        List<Map<String, Object>> rows = mine(records).entrySet().stream()
                .filter(e -> e.getKey().entityType().equals(entityType) && !Boolean.TRUE.equals(e.getValue().get("deleted")))
                .map(Map.Entry::getValue)
                .filter(a -> q.statuses().isEmpty() || q.statuses().contains(a.get("status")))
                .filter(a -> q.sources().isEmpty() || q.sources().contains(a.get("source")))
                .filter(a -> q.anyTags().isEmpty() || tagsOf(a).stream().anyMatch(q.anyTags()::contains))
                .filter(a -> q.createdFrom() == null || !created(a).isBefore(q.createdFrom()))
                .filter(a -> q.createdTo() == null || created(a).isBefore(q.createdTo()))
                .filter(a -> q.modifiedFrom() == null || !((Instant) a.get("modifiedAt")).isBefore(q.modifiedFrom()))
                .filter(a -> q.assignedUserId() == null || q.assignedUserId().equals(a.get("assignedUserId")))
                .filter(a -> q.text() == null || q.text().isBlank() || matches(a, q.text()))
                .sorted(Comparator.comparing(InMemoryCrmGateway::created).thenComparing(a -> (String) a.get("id")).reversed())
                .filter(a -> after == null || before(a, Instant.parse(after[0]), after[1]))
                .limit(q.limit() + 1L).toList();
        Optional<String> next = Optional.empty();
        if (rows.size() > q.limit()) {
            rows = rows.subList(0, q.limit());
            Map<String, Object> last = rows.getLast();
            next = Optional.of(Base64.getUrlEncoder().encodeToString(
                    (created(last) + "|" + last.get("id")).getBytes(StandardCharsets.UTF_8)));
        }
        return new CrmPage<>(rows.stream().map(map).toList(), next);
    }

    private static boolean before(Map<String, Object> a, Instant at, String id) {
        int c = created(a).compareTo(at);
        return c < 0 || (c == 0 && ((String) a.get("id")).compareTo(id) < 0);
    }

    private static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            Instant.parse(parts[0]);
            CrmIds.require(parts[1]);
            return parts;
        } catch (RuntimeException e) {
            throw new CrmValidationException("bad cursor");
        }
    }

    /** The CRM's search rule: every query word starts a word of first name, last name, company or e-mail. */
    private static boolean matches(Map<String, Object> a, String text) {
        List<String> stored = words(Stream.of("firstName", "lastName", "accountName", "emailAddress")
                .map(k -> a.get(k) == null ? "" : a.get(k).toString()).reduce("", (x, y) -> x + " " + y));
        List<String> wanted = words(text);
        return !wanted.isEmpty() && wanted.stream().allMatch(w -> stored.stream().anyMatch(s -> s.startsWith(w)));
    }

    private static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        return WORD.matcher(folded).results().map(java.util.regex.MatchResult::group).toList();
    }

    // ---------------------------------------------------------------- timeline, notes, tasks, tags

    @Override
    public synchronized List<TimelineEntry> timeline(EntityRef ref, int limit) {
        List<TimelineEntry> entries = new ArrayList<>(mine(timelines).getOrDefault(ref, List.of()));
        entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
        return entries.subList(0, Math.min(limit, entries.size()));
    }

    @Override
    public synchronized String addNote(EntityRef parent, String post) {
        if (post == null || post.isBlank()) {
            throw new CrmValidationException("empty note");
        }
        require(parent);
        mine(notes).computeIfAbsent(parent, p -> new ArrayList<>()).add(post);
        String id = CrmIds.generate(clock);
        addTimeline(parent, new TimelineEntry("Note", id, "Post", "Post", post, clock.instant()));
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
        require(parent);
        String id = create("Task", Map.of("name", task.name()), true);
        addTimeline(parent, new TimelineEntry("Task", id, task.name(), "Not Started", task.description(), clock.instant()));
        return id;
    }

    @Override
    public synchronized Set<String> tags(EntityRef ref) {
        return tagsOf(require(ref));
    }

    @Override
    public synchronized RecordWrite setTags(EntityRef ref, Set<String> tags) {
        return update(ref, Map.of("cTags", List.copyOf(tags)));
    }

    // ---------------------------------------------------------------- templates, campaigns, consent

    @Override
    public synchronized List<EmailTemplate> emailTemplates() {
        return all("EmailTemplate").map(a -> new EmailTemplate((String) a.get("id"), (String) a.get("name"),
                (String) a.get("subject"), (String) a.get("body"), Boolean.TRUE.equals(a.get("isHtml")),
                (String) a.get("categoryId"), null)).toList();
    }

    @Override
    public synchronized String createEmailTemplate(EmailTemplate t) {
        Map<String, Object> a = new HashMap<>();
        a.put("name", t.name());
        a.put("subject", t.subject());
        a.put("body", t.body());
        a.put("isHtml", t.isHtml());
        return create("EmailTemplate", a, true);
    }

    @Override
    public synchronized List<Campaign> campaigns() {
        return all("Campaign").map(a -> new Campaign((String) a.get("id"), (String) a.get("name"), (String) a.get("status"),
                (String) a.get("type"), null, null, null)).toList();
    }

    @Override
    public synchronized String createCampaign(Campaign c) {
        return create("Campaign", Map.of("name", c.name(), "status", c.status() == null ? "Planning" : c.status(),
                "type", c.type() == null ? "Email" : c.type()), true);
    }

    @Override
    public synchronized String logCampaignEvent(CampaignLogEntry entry) {
        Map<String, Object> campaign = require(new EntityRef("Campaign", CrmIds.require(entry.campaignId())));
        Instant at = entry.actionDate() == null ? clock.instant() : entry.actionDate();
        Map<String, Object> a = new HashMap<>();
        a.put("campaignId", entry.campaignId());
        a.put("action", entry.action());
        a.put("actionDate", at);
        a.put("target", entry.target());
        String id = create("CampaignLogRecord", a, true);
        if (entry.target() != null) {
            require(entry.target());
            addTimeline(entry.target(), new TimelineEntry("CampaignLogRecord", id, (String) campaign.get("name"),
                    entry.action(), entry.stringData(), at));
        }
        return id;
    }

    @Override
    public synchronized List<CampaignLogEntry> campaignLog(String campaignId, int limit) {
        return all("CampaignLogRecord").filter(a -> campaignId.equals(a.get("campaignId")))
                .map(a -> new CampaignLogEntry((String) a.get("id"), campaignId, (String) a.get("action"),
                        (EntityRef) a.get("target"), (Instant) a.get("actionDate"), null))
                .limit(limit).toList();
    }

    @Override
    public synchronized Consent consent(EntityRef ref) {
        Map<String, Object> a = require(ref);
        @SuppressWarnings("unchecked")
        Set<String> lists = (Set<String>) a.getOrDefault("optedOutLists", Set.of());
        return new Consent(Boolean.TRUE.equals(a.get("emailAddressIsOptedOut")), Boolean.TRUE.equals(a.get("doNotCall")),
                lists);
    }

    @Override
    public synchronized void setTargetListOptOut(EntityRef ref, String targetListId, boolean optedOut) {
        Map<String, Object> a = require(ref);
        require(new EntityRef("TargetList", CrmIds.require(targetListId)));
        @SuppressWarnings("unchecked")
        Set<String> lists = new LinkedHashSet<>((Set<String>) a.getOrDefault("optedOutLists", Set.of()));
        if (optedOut) {
            lists.add(targetListId);
        } else {
            lists.remove(targetListId);
        }
        a.put("optedOutLists", lists);
        publish(ref, "updated");
    }

    // ---------------------------------------------------------------- rules shared with CrmService

    /** Input checks before any change, as CrmInput does: unknown field, length, e-mail, tags, enum values. */
    private static void check(String entityType, Map<String, Object> attributes) {
        boolean person = entityType.equals("Lead") || entityType.equals("Contact");
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (person && !PERSON.contains(key)) {
                throw new CrmValidationException("unknown field « " + key + " »");
            }
            if (SHORT.contains(key) && value != null && value.toString().length() > 100) {
                throw new CrmValidationException("« " + key + " » is longer than 100 characters");
            }
            if (key.equals("emailAddress") && value != null && !value.toString().isBlank()
                    && !EMAIL.matcher(value.toString().strip()).matches()) {
                throw new CrmValidationException("invalid e-mail address « " + value + " »");
            }
            if (key.equals("cTags")) {
                tagList(value);
            }
            Set<String> options = entityType.equals("Lead") ? ENUMS.get(key) : null;
            if (options != null && value != null && !options.contains(value.toString())) {
                throw new CrmValidationException("invalid value for « " + key + " »: « " + value + " »");
            }
        }
    }

    private static List<String> tagList(Object value) {
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        if (value instanceof Collection<?> c) {
            for (Object o : c) {
                String tag = o == null ? "" : o.toString().strip();
                if (!TAG.matcher(tag).matches()) {
                    throw new CrmValidationException("Étiquette invalide : « " + tag + " »");
                }
                tags.add(tag);
            }
        }
        return new ArrayList<>(tags);
    }

    private List<Map<String, Object>> duplicates(String entityType, Map<String, Object> attributes) {
        String email = attributes.get("emailAddress") == null ? "" : attributes.get("emailAddress").toString().strip();
        return all(entityType).filter(a -> (!email.isEmpty() && email.equalsIgnoreCase(String.valueOf(a.get("emailAddress"))))
                        || (attributes.get("lastName") != null && attributes.get("lastName").equals(a.get("lastName"))
                        && String.valueOf(attributes.get("firstName")).equals(String.valueOf(a.get("firstName")))))
                .map(a -> Map.<String, Object>of("id", a.get("id"), "name",
                        (a.getOrDefault("firstName", "") + " " + a.getOrDefault("lastName", "")).strip()))
                .toList();
    }

    // ----------------------------------------------------------------

    private Optional<Map<String, Object>> live(EntityRef ref) {
        Map<String, Object> a = mine(records).get(ref);
        return a == null || Boolean.TRUE.equals(a.get("deleted")) ? Optional.empty() : Optional.of(a);
    }

    private Map<String, Object> require(EntityRef ref) {
        return live(ref).orElseThrow(() -> new CrmNotFoundException("Fiche introuvable : " + ref.entityType() + " " + ref.id()));
    }

    private Stream<Map<String, Object>> all(String entityType) {
        return mine(records).entrySet().stream().filter(e -> e.getKey().entityType().equals(entityType))
                .map(Map.Entry::getValue).filter(a -> !Boolean.TRUE.equals(a.get("deleted")));
    }

    private void publish(EntityRef ref, String change) {
        if (events != null) {
            String type = "crm." + ref.entityType().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT) + "." + change;
            events.publishEvent(new CrmRecordChanged(tenant.get(), type, ref.entityType() + " " + ref.id() + " " + change,
                    clock.instant(), ref, "max"));
        }
    }

    private static Lead lead(Map<String, Object> a) {
        return new Lead((String) a.get("id"), (String) a.get("firstName"), (String) a.get("lastName"),
                (String) a.get("accountName"), (String) a.get("title"), (String) a.get("emailAddress"),
                Boolean.TRUE.equals(a.get("emailAddressIsOptedOut")), (String) a.get("phoneNumber"),
                Boolean.TRUE.equals(a.get("doNotCall")), (String) a.get("status"), (String) a.get("source"),
                (String) a.get("industry"), (String) a.get("addressCity"), (String) a.get("description"), tagsOf(a),
                (String) a.get("assignedUserId"), (String) a.get("campaignId"), (Instant) a.get("createdAt"),
                (Instant) a.get("modifiedAt"));
    }

    private static Set<String> tagsOf(Map<String, Object> a) {
        Set<String> tags = new LinkedHashSet<>();
        if (a.get("cTags") instanceof Collection<?> c) {
            c.forEach(t -> tags.add(String.valueOf(t)));
        }
        return tags;
    }

    private static Instant created(Map<String, Object> a) {
        return (Instant) a.get("createdAt");
    }

    private <V> Map<EntityRef, V> mine(Map<TenantId, Map<EntityRef, V>> byTenant) {
        return byTenant.computeIfAbsent(tenant.get(), t -> new HashMap<>());
    }
}
