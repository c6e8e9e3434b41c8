package fr.macrea.max.crm;

import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * EspoCRM mode: writes go to EspoCRM first (the source of truth), then the record EspoCRM returns is copied into
 * the replica, so that the next read already sees it. If EspoCRM refuses or is down, nothing is written locally.
 */
@Component
class EspoWriter implements CrmWriter {

    private final EspoConnections connections;
    private final CrmStore store;
    private final TargetListStore targetLists;

    EspoWriter(EspoConnections connections, CrmStore store, TargetListStore targetLists) {
        this.connections = connections;
        this.store = store;
        this.targetLists = targetLists;
    }

    @Override
    public String create(String entityType, Map<String, Object> attributes, boolean skipDuplicateCheck) {
        EspoSettings settings = connections.require();
        Map<String, Object> created = connections.client(settings)
                .create(entityType, outgoing(settings, attributes), skipDuplicateCheck);
        store.upsertReplica(entityType, incoming(created));
        return created.get("id").toString();
    }

    @Override
    public void update(String entityType, String id, Map<String, Object> changes) {
        EspoSettings settings = connections.require();
        Map<String, Object> updated = connections.client(settings).update(entityType, id, outgoing(settings, changes));
        if (!updated.containsKey("id")) {
            updated.put("id", id);
        }
        store.upsertReplica(entityType, incoming(updated));
    }

    @Override
    public void delete(String entityType, String id) {
        connections.client().delete(entityType, id);
        store.softDelete(entityType, id);
    }

    @Override
    public void setTargetListOptOut(String entityType, String id, String targetListId, boolean optedOut) {
        Map<String, Object> body = Map.of("targetType", entityType, "targetId", id);
        if (optedOut) {
            connections.client().post("/TargetList/" + targetListId + "/optOut", body);
        } else {
            connections.client().deleteWithBody("/TargetList/" + targetListId + "/optOut", body);
        }
        targetLists.setOptOut(entityType, id, targetListId, optedOut);
    }

    /** EspoCRM before 8.2 names custom fields without the {@code c} prefix ({@code tags} instead of {@code cTags}). */
    static Map<String, Object> outgoing(EspoSettings settings, Map<String, Object> attributes) {
        if (settings.customPrefix() || !attributes.containsKey(CrmStore.TAGS)) {
            return attributes;
        }
        Map<String, Object> out = new LinkedHashMap<>(attributes);
        out.put("tags", out.remove(CrmStore.TAGS));
        return out;
    }

    static Map<String, Object> incoming(Map<String, Object> record) {
        if (record.containsKey("tags") && !record.containsKey(CrmStore.TAGS)) {
            Map<String, Object> out = new LinkedHashMap<>(record);
            out.put(CrmStore.TAGS, out.remove("tags"));
            return out;
        }
        return record;
    }
}
