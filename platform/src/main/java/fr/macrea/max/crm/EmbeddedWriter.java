package fr.macrea.max.crm;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Embedded mode: the tenant schema is the CRM. */
@Component
class EmbeddedWriter implements CrmWriter {

    private final CrmStore store;

    EmbeddedWriter(CrmStore store) {
        this.store = store;
    }

    @Override
    public String create(String entityType, Map<String, Object> attributes, boolean skipDuplicateCheck) {
        CrmStore.Prepared prepared = store.prepare(entityType, attributes, CrmStore.Mode.STRICT);
        if (!skipDuplicateCheck) {
            List<Map<String, Object>> duplicates = store.duplicates(entityType, attributes);
            if (!duplicates.isEmpty()) {
                throw new CrmDuplicateException(duplicates);
            }
        }
        return store.insert(prepared);
    }

    @Override
    public void update(String entityType, String id, Map<String, Object> changes) {
        store.update(store.prepare(entityType, changes, CrmStore.Mode.STRICT), id);
    }

    @Override
    public void delete(String entityType, String id) {
        if (!store.softDelete(entityType, id)) {
            throw new CrmNotFoundException("Fiche introuvable : " + CrmStore.label(entityType) + " " + id + ".");
        }
    }

    @Override
    public void setTargetListOptOut(String entityType, String id, String targetListId, boolean optedOut) {
        store.setTargetListOptOut(entityType, id, targetListId, optedOut);
    }
}
