package fr.macrea.max.crm;

import fr.macrea.max.persistence.TenantDsl;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fr.macrea.max.db.crm.Tables.EMAIL_ADDRESS;
import static fr.macrea.max.db.crm.Tables.ENTITY_EMAIL_ADDRESS;
import static fr.macrea.max.db.crm.Tables.ENTITY_PHONE_NUMBER;
import static fr.macrea.max.db.crm.Tables.PHONE_NUMBER;

/** Rows of the tenant CRM schema as EspoCRM attribute maps, with their primary e-mail address and phone number. */
@Repository
class AttributeReader {

    private final TenantDsl tenantDsl;

    AttributeReader(TenantDsl tenantDsl) {
        this.tenantDsl = tenantDsl;
    }

    Map<String, Object> toAttributes(String entityType, Record r) {
        return toAttributes(entityType, List.of(r)).getFirst();
    }

    /** Records as attribute maps; e-mails and phones of the whole list are loaded in two queries (no N+1). */
    List<Map<String, Object>> toAttributes(String entityType, List<? extends Record> records) {
        List<Map<String, Object>> out = new ArrayList<>(records.size());
        for (Record r : records) {
            Map<String, Object> a = new LinkedHashMap<>();
            for (Field<?> f : r.fields()) {
                if (!f.getName().equals(SearchTextStore.COLUMN)) {
                    a.put(CrmSchema.camel(f.getName()), CrmValues.fromColumn(f, r.get(f)));
                }
            }
            if (CrmSchema.PERSONS.contains(entityType)) {
                a.put("name", (CrmValues.str(a.get("firstName")) + " " + CrmValues.str(a.get("lastName"))).strip());
            }
            out.add(a);
        }
        if (CrmSchema.WITH_EMAIL.contains(entityType) && !out.isEmpty()) {
            List<String> ids = out.stream().map(a -> (String) a.get("id")).toList();
            Map<String, Record> emails = new HashMap<>();
            tenantDsl.crm().select(ENTITY_EMAIL_ADDRESS.ENTITY_ID, EMAIL_ADDRESS.NAME, EMAIL_ADDRESS.OPT_OUT).from(ENTITY_EMAIL_ADDRESS)
                    .join(EMAIL_ADDRESS).on(EMAIL_ADDRESS.ID.eq(ENTITY_EMAIL_ADDRESS.EMAIL_ADDRESS_ID))
                    .where(ENTITY_EMAIL_ADDRESS.ENTITY_ID.in(ids), ENTITY_EMAIL_ADDRESS.ENTITY_TYPE.eq(entityType),
                            ENTITY_EMAIL_ADDRESS.PRIMARY.eq((byte) 1), ENTITY_EMAIL_ADDRESS.DELETED.eq((byte) 0))
                    .fetch().forEach(r -> emails.putIfAbsent(r.get(ENTITY_EMAIL_ADDRESS.ENTITY_ID), r));
            Map<String, String> phones = new HashMap<>();
            tenantDsl.crm().select(ENTITY_PHONE_NUMBER.ENTITY_ID, PHONE_NUMBER.NAME).from(ENTITY_PHONE_NUMBER)
                    .join(PHONE_NUMBER).on(PHONE_NUMBER.ID.eq(ENTITY_PHONE_NUMBER.PHONE_NUMBER_ID))
                    .where(ENTITY_PHONE_NUMBER.ENTITY_ID.in(ids), ENTITY_PHONE_NUMBER.ENTITY_TYPE.eq(entityType),
                            ENTITY_PHONE_NUMBER.PRIMARY.eq((byte) 1), ENTITY_PHONE_NUMBER.DELETED.eq((byte) 0))
                    .fetch().forEach(r -> phones.putIfAbsent(r.value1(), r.value2()));
            for (Map<String, Object> a : out) {
                Record email = emails.get((String) a.get("id"));
                a.put("emailAddress", email == null ? null : email.get(EMAIL_ADDRESS.NAME));
                a.put("emailAddressIsOptedOut", email != null && email.get(EMAIL_ADDRESS.OPT_OUT) == 1);
                a.put("phoneNumber", phones.get((String) a.get("id")));
            }
        }
        return out;
    }
}
