package fr.macrea.max.fields;

import fr.macrea.max.crm.CrmCustomFields;
import fr.macrea.max.crm.CustomField;
import fr.macrea.max.tenant.CrmMode;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The embedded CRM: {@code ALTER TABLE} on the tenant's {@code crm_<slug>} schema, EspoCRM's column types. */
@Component
class EmbeddedTarget implements SchemaTarget {

    private final CrmCustomFields crm;

    EmbeddedTarget(CrmCustomFields crm) {
        this.crm = crm;
    }

    @Override
    public CrmMode mode() {
        return CrmMode.EMBEDDED;
    }

    @Override
    public Map<String, String> existing(String entityType) {
        Map<String, String> out = new LinkedHashMap<>();
        crm.fields(entityType).forEach(f -> out.put(f.name(), f.type()));
        return out;
    }

    @Override
    public List<String> changes(CustomField field) {
        return crm.addStatements(field);
    }

    @Override
    public void add(CustomField field) {
        crm.addColumns(field);
    }

    @Override
    public void remove(CustomField field) {
        crm.dropColumns(field);
    }
}
