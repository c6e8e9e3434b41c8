package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@link CrmService}'s many-records writes, for the writer of the tenant's mode: every record is checked before
 * anything is written, then the embedded CRM writes one statement per chunk ({@link BulkRecords}) and EspoCRM gets
 * one call per record. No feed event per record (see {@link CrmGateway#createAll}).
 */
@Component
class BulkWrites {

    private final CrmStore store;
    private final BulkRecords bulk;
    private final EmbeddedWriter embedded;

    BulkWrites(CrmStore store, BulkRecords bulk, EmbeddedWriter embedded) {
        this.store = store;
        this.bulk = bulk;
        this.embedded = embedded;
    }

    List<String> createAll(CrmWriter writer, String entityType, List<Map<String, Object>> records) {
        CustomSchema custom = store.custom(entityType);
        List<CrmInput.Prepared> prepared = records.stream()
                .map(r -> CrmInput.prepare(entityType, r, CrmInput.Mode.STRICT, custom)).toList();
        if (writer == embedded) {
            return bulk.insertAll(entityType, prepared);
        }
        return records.stream().map(r -> writer.create(entityType, r, true)).toList();
    }

    int updateAll(CrmWriter writer, String entityType, Collection<String> ids, Map<String, Object> changes) {
        if (changes.isEmpty()) {
            throw new CrmValidationException(Message.of("crm.update.empty"));
        }
        CrmInput.Prepared prepared = CrmInput.prepare(entityType, changes, CrmInput.Mode.STRICT, store.custom(entityType));
        if (writer == embedded) {
            return bulk.updateAll(prepared, ids);
        }
        int n = 0;
        for (String id : ids) {
            try {
                writer.update(entityType, CrmIds.require(id), changes);
                n++;
            } catch (CrmNotFoundException e) {
                // a record deleted meanwhile is skipped, like EspoCRM's mass update
            }
        }
        return n;
    }

    /** The same checks as one event's (campaign and target exist), one id query per entity type for the batch. */
    List<String> logCampaignEvents(CrmWriter writer, List<CampaignLogEntry> entries,
                                   Function<CampaignLogEntry, Map<String, Object>> attributes) {
        Map<String, Set<String>> targets = new LinkedHashMap<>();
        for (CampaignLogEntry e : entries) {
            targets.computeIfAbsent("Campaign", t -> new LinkedHashSet<>()).add(e.campaignId());
            if (e.target() != null) {
                targets.computeIfAbsent(e.target().entityType(), t -> new LinkedHashSet<>()).add(e.target().id());
            }
        }
        targets.forEach((type, ids) -> {
            Set<String> found = bulk.existing(type, ids);
            ids.stream().filter(id -> !found.contains(id)).findFirst().ifPresent(id -> {
                throw CrmStore.notFound(type, id);
            });
        });
        return createAll(writer, "CampaignLogRecord", entries.stream().map(attributes).toList());
    }
}
