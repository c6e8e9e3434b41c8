package fr.macrea.max.crm;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Embedded mode: the tenant schema is the CRM. */
@Component
class EmbeddedWriter implements CrmWriter {

    private final CrmStore store;
    private final DuplicateReader duplicates;
    private final TargetListStore targetLists;

    EmbeddedWriter(CrmStore store, DuplicateReader duplicates, TargetListStore targetLists) {
        this.store = store;
        this.duplicates = duplicates;
        this.targetLists = targetLists;
    }

    @Override
    public String create(String entityType, Map<String, Object> attributes, boolean skipDuplicateCheck) {
        CrmInput.Prepared prepared = CrmInput.prepare(entityType, attributes, CrmInput.Mode.STRICT,
                store.custom(entityType));
        if (!skipDuplicateCheck) {
            List<Map<String, Object>> found = duplicates.duplicates(entityType, attributes);
            if (!found.isEmpty()) {
                throw new CrmDuplicateException(found);
            }
        }
        return store.insert(prepared);
    }

    @Override
    public void update(String entityType, String id, Map<String, Object> changes) {
        store.update(CrmInput.prepare(entityType, changes, CrmInput.Mode.STRICT, store.custom(entityType)), id);
    }

    @Override
    public void delete(String entityType, String id) {
        if (!store.softDelete(entityType, id)) {
            throw CrmStore.notFound(entityType, id);
        }
    }

    @Override
    public void setTargetListOptOut(String entityType, String id, String targetListId, boolean optedOut) {
        targetLists.setOptOut(entityType, id, targetListId, optedOut);
    }
}
