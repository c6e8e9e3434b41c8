package fr.macrea.max.crm;

import java.util.Map;

/** Where a tenant's CRM writes go: the tenant schema (embedded) or EspoCRM then its replica. */
interface CrmWriter {

    /** Creates a record; the attributes were already checked by {@link CrmStore#prepare}. Returns its id. */
    String create(String entityType, Map<String, Object> attributes, boolean skipDuplicateCheck);

    void update(String entityType, String id, Map<String, Object> changes);

    void delete(String entityType, String id);

    void setTargetListOptOut(String entityType, String id, String targetListId, boolean optedOut);
}
