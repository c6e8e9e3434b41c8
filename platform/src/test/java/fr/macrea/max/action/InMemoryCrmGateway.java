package fr.macrea.max.action;

import fr.macrea.max.crm.CrmException;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.crm.Lead;
import fr.macrea.max.crm.RecordWrite;
import fr.macrea.max.crm.TimelineEntry;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A CRM in memory, one per tenant (the tenant of the signed-in principal, like the real adapters), so wallet and
 * action tests do not depend on the CRM branch. Attribute names are EspoCRM's.
 */
public class InMemoryCrmGateway implements CrmGateway {

    private final Supplier<TenantId> tenant;
    private final Map<TenantId, Map<EntityRef, Map<String, Object>>> records = new HashMap<>();
    private final Map<TenantId, Map<EntityRef, List<TimelineEntry>>> timelines = new HashMap<>();
    private final Map<TenantId, Map<EntityRef, List<String>>> notes = new HashMap<>();

    public InMemoryCrmGateway(TenantContext context) {
        this.tenant = context::current;
    }

    /** For unit tests without Spring: a fixed tenant. */
    public InMemoryCrmGateway(TenantId fixed) {
        this.tenant = () -> fixed;
    }

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
        Map<String, Object> record = mine(records).get(ref);
        record.put(field, value);
    }

    public synchronized Map<String, Object> record(EntityRef ref) {
        Map<String, Object> record = mine(records).get(ref);
        return record == null ? null : new HashMap<>(record);
    }

    public synchronized List<String> notes(EntityRef ref) {
        return List.copyOf(mine(notes).getOrDefault(ref, List.of()));
    }

    @Override
    public synchronized Optional<Lead> findLead(String id) {
        Map<String, Object> a = mine(records).get(EntityRef.lead(id));
        if (a == null) {
            return Optional.empty();
        }
        Object tags = a.get("cTags");
        Set<String> tagSet = new HashSet<>();
        if (tags instanceof Collection<?> c) {
            c.forEach(t -> tagSet.add(String.valueOf(t)));
        }
        return Optional.of(new Lead(id, (String) a.get("firstName"), (String) a.get("lastName"),
                (String) a.get("accountName"), (String) a.get("title"), (String) a.get("emailAddress"),
                Boolean.TRUE.equals(a.get("emailAddressIsOptedOut")), (String) a.get("phoneNumber"),
                Boolean.TRUE.equals(a.get("doNotCall")), (String) a.get("status"), (String) a.get("source"),
                (String) a.get("industry"), (String) a.get("addressCity"), (String) a.get("description"), tagSet,
                (String) a.get("assignedUserId"), (String) a.get("campaignId"), (Instant) a.get("createdAt"),
                (Instant) a.get("modifiedAt")));
    }

    @Override
    public synchronized Map<String, Object> readAttributes(EntityRef ref, Set<String> attributes) {
        Map<String, Object> record = mine(records).get(ref);
        if (record == null) {
            throw new CrmException("Fiche introuvable : " + ref.entityType() + " " + ref.id());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        attributes.forEach(k -> values.put(k, record.get(k)));
        return values;
    }

    @Override
    public synchronized RecordWrite update(EntityRef ref, Map<String, Object> changes) {
        Map<String, Object> record = mine(records).get(ref);
        if (record == null) {
            throw new CrmException("Fiche introuvable : " + ref.entityType() + " " + ref.id());
        }
        Map<String, Object> before = new LinkedHashMap<>();
        changes.keySet().forEach(k -> before.put(k, record.get(k)));
        record.putAll(changes);
        return new RecordWrite(ref, before, new LinkedHashMap<>(changes));
    }

    @Override
    public synchronized List<TimelineEntry> timeline(EntityRef ref, int limit) {
        List<TimelineEntry> entries = new ArrayList<>(mine(timelines).getOrDefault(ref, List.of()));
        entries.sort((a, b) -> b.at().compareTo(a.at()));
        return entries.subList(0, Math.min(limit, entries.size()));
    }

    @Override
    public synchronized String addNote(EntityRef parent, String post) {
        if (!mine(records).containsKey(parent)) {
            throw new CrmException("Fiche introuvable : " + parent.entityType() + " " + parent.id());
        }
        mine(notes).computeIfAbsent(parent, p -> new ArrayList<>()).add(post);
        return "note" + System.nanoTime();
    }

    private <V> Map<EntityRef, V> mine(Map<TenantId, Map<EntityRef, V>> byTenant) {
        return byTenant.computeIfAbsent(tenant.get(), t -> new HashMap<>());
    }
}
