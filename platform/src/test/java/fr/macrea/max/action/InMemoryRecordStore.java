package fr.macrea.max.action;

import fr.macrea.max.crm.Campaign;
import fr.macrea.max.crm.CampaignLogEntry;
import fr.macrea.max.crm.Contact;
import fr.macrea.max.crm.CrmNotFoundException;
import fr.macrea.max.crm.CrmPage;
import fr.macrea.max.crm.CrmQuery;
import fr.macrea.max.crm.EmailTemplate;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.crm.Lead;
import fr.macrea.max.crm.TimelineEntry;
import fr.macrea.max.shared.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The storage behind {@link InMemoryCrmGateway}: records (EspoCRM attribute maps, soft-deleted with
 * {@code deleted}), timelines and notes, one set per tenant (the tenant the supplier gives at each call, like the real
 * adapters), plus the mapping of rows to the port's records. Not thread-safe on its own: the gateway, its only
 * user, calls it under its own lock.
 */
final class InMemoryRecordStore {

    private final Supplier<TenantId> tenant;
    private final Map<TenantId, Map<EntityRef, Map<String, Object>>> records = new HashMap<>();
    private final Map<TenantId, Map<EntityRef, List<TimelineEntry>>> timelines = new HashMap<>();
    private final Map<TenantId, Map<EntityRef, List<String>>> notes = new HashMap<>();

    InMemoryRecordStore(Supplier<TenantId> tenant) {
        this.tenant = tenant;
    }

    TenantId tenant() {
        return tenant.get();
    }

    void put(EntityRef ref, Map<String, Object> attributes) {
        mine(records).put(ref, attributes);
    }

    /** The stored row itself (deleted or not), or null; callers that change it change the record. */
    Map<String, Object> row(EntityRef ref) {
        return mine(records).get(ref);
    }

    Optional<Map<String, Object>> live(EntityRef ref) {
        Map<String, Object> a = mine(records).get(ref);
        return a == null || Boolean.TRUE.equals(a.get("deleted")) ? Optional.empty() : Optional.of(a);
    }

    Map<String, Object> require(EntityRef ref) {
        return live(ref).orElseThrow(() -> new CrmNotFoundException("Fiche introuvable : " + ref.entityType() + " " + ref.id()));
    }

    Stream<Map<String, Object>> all(String entityType) {
        return mine(records).entrySet().stream().filter(e -> e.getKey().entityType().equals(entityType))
                .map(Map.Entry::getValue).filter(a -> !Boolean.TRUE.equals(a.get("deleted")));
    }

    void addTimeline(EntityRef ref, TimelineEntry entry) {
        mine(timelines).computeIfAbsent(ref, r -> new ArrayList<>()).add(entry);
    }

    List<TimelineEntry> timeline(EntityRef ref) {
        return mine(timelines).getOrDefault(ref, List.of());
    }

    void addNote(EntityRef parent, String post) {
        mine(notes).computeIfAbsent(parent, p -> new ArrayList<>()).add(post);
    }

    List<String> notes(EntityRef ref) {
        return mine(notes).getOrDefault(ref, List.of());
    }

    /** One page of live records, newest first (creation instant, then id), filtered as the CRM's search does. */
    <T> CrmPage<T> search(String entityType, CrmQuery q, Function<Map<String, Object>, T> map) {
        String[] after = q.after() == null ? null : InMemoryCrmRules.decode(q.after());
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
                .filter(a -> q.text() == null || q.text().isBlank() || InMemoryCrmRules.matches(a, q.text()))
                .sorted(Comparator.comparing(InMemoryRecordStore::created).thenComparing(a -> (String) a.get("id")).reversed())
                .filter(a -> after == null || before(a, Instant.parse(after[0]), after[1]))
                .limit(q.limit() + 1L).toList();
        Optional<String> next = Optional.empty();
        if (rows.size() > q.limit()) {
            rows = rows.subList(0, q.limit());
            Map<String, Object> last = rows.getLast();
            next = Optional.of(InMemoryCrmRules.cursor(created(last), last.get("id")));
        }
        return new CrmPage<>(rows.stream().map(map).toList(), next);
    }

    private static boolean before(Map<String, Object> a, Instant at, String id) {
        int c = created(a).compareTo(at);
        return c < 0 || (c == 0 && ((String) a.get("id")).compareTo(id) < 0);
    }

    /** The CRM's duplicate rule: same e-mail (any case), or same first and last name. */
    List<Map<String, Object>> duplicates(String entityType, Map<String, Object> attributes) {
        String email = attributes.get("emailAddress") == null ? "" : attributes.get("emailAddress").toString().strip();
        return all(entityType).filter(a -> (!email.isEmpty() && email.equalsIgnoreCase(String.valueOf(a.get("emailAddress"))))
                        || (attributes.get("lastName") != null && attributes.get("lastName").equals(a.get("lastName"))
                        && String.valueOf(attributes.get("firstName")).equals(String.valueOf(a.get("firstName")))))
                .map(a -> Map.<String, Object>of("id", a.get("id"), "name",
                        (a.getOrDefault("firstName", "") + " " + a.getOrDefault("lastName", "")).strip()))
                .toList();
    }

    // ---------------------------------------------------------------- rows <-> the port's records

    static Map<String, Object> attributes(Lead lead) {
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
        return a;
    }

    static Lead lead(Map<String, Object> a) {
        return new Lead((String) a.get("id"), (String) a.get("firstName"), (String) a.get("lastName"),
                (String) a.get("accountName"), (String) a.get("title"), (String) a.get("emailAddress"),
                Boolean.TRUE.equals(a.get("emailAddressIsOptedOut")), (String) a.get("phoneNumber"),
                Boolean.TRUE.equals(a.get("doNotCall")), (String) a.get("status"), (String) a.get("source"),
                (String) a.get("industry"), (String) a.get("addressCity"), (String) a.get("description"), tagsOf(a),
                (String) a.get("assignedUserId"), (String) a.get("campaignId"), (Instant) a.get("createdAt"),
                (Instant) a.get("modifiedAt"));
    }

    static Contact contact(Map<String, Object> a) {
        return new Contact((String) a.get("id"),
                (String) a.get("firstName"), (String) a.get("lastName"), (String) a.get("accountId"),
                (String) a.get("emailAddress"), Boolean.TRUE.equals(a.get("emailAddressIsOptedOut")),
                (String) a.get("phoneNumber"), Boolean.TRUE.equals(a.get("doNotCall")), (String) a.get("addressCity"),
                (String) a.get("description"), tagsOf(a), (String) a.get("assignedUserId"), (String) a.get("campaignId"),
                (Instant) a.get("createdAt"), (Instant) a.get("modifiedAt"));
    }

    static EmailTemplate emailTemplate(Map<String, Object> a) {
        return new EmailTemplate((String) a.get("id"), (String) a.get("name"), (String) a.get("subject"),
                (String) a.get("body"), Boolean.TRUE.equals(a.get("isHtml")), (String) a.get("categoryId"), null);
    }

    static Campaign campaign(Map<String, Object> a) {
        return new Campaign((String) a.get("id"), (String) a.get("name"), (String) a.get("status"),
                (String) a.get("type"), null, null, null);
    }

    static CampaignLogEntry campaignLogEntry(Map<String, Object> a) {
        return new CampaignLogEntry((String) a.get("id"), (String) a.get("campaignId"), (String) a.get("action"),
                (EntityRef) a.get("target"), (Instant) a.get("actionDate"), null);
    }

    /** The target lists the record opted out of (stored as a set under {@code optedOutLists}). */
    @SuppressWarnings("unchecked")
    static Set<String> optedOutLists(Map<String, Object> a) {
        return (Set<String>) a.getOrDefault("optedOutLists", Set.of());
    }

    static Set<String> tagsOf(Map<String, Object> a) {
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
