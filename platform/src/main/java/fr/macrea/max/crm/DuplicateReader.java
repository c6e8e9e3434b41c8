package fr.macrea.max.crm;

import fr.macrea.max.persistence.TenantDsl;
import org.jooq.Condition;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static fr.macrea.max.db.crm.Tables.EMAIL_ADDRESS;
import static fr.macrea.max.db.crm.Tables.ENTITY_EMAIL_ADDRESS;

/** EspoCRM's duplicate check ({@code duplicateCheckFieldList}): same name or same e-mail address. */
@Repository
class DuplicateReader {

    private final TenantDsl tenantDsl;
    private final AttributeReader attributes;

    DuplicateReader(TenantDsl tenantDsl, AttributeReader attributes) {
        this.tenantDsl = tenantDsl;
        this.attributes = attributes;
    }

    /** Existing non-deleted records with the same name or e-mail. */
    List<Map<String, Object>> duplicates(String entityType, Map<String, Object> candidate) {
        if (!CrmSchema.WITH_EMAIL.contains(entityType)) {
            return List.of();
        }
        Table<?> table = CrmSchema.table(entityType);
        Condition byName;
        if (CrmSchema.PERSONS.contains(entityType)) {
            String first = CrmValues.str(candidate.get("firstName"));
            String last = CrmValues.str(candidate.get("lastName"));
            byName = last.isBlank() ? DSL.falseCondition()
                    : DSL.coalesce(CrmSchema.<String>field(table, "first_name"), "").eq(first)
                    .and(CrmSchema.<String>field(table, "last_name").eq(last));
        } else {
            String name = CrmValues.str(candidate.get("name"));
            byName = name.isBlank() ? DSL.falseCondition() : CrmSchema.<String>field(table, "name").eq(name);
        }
        String email = CrmValues.str(candidate.get("emailAddress")).strip().toLowerCase(Locale.ROOT);
        Condition byEmail = email.isBlank() ? DSL.falseCondition() : CrmSchema.id(table).in(
                DSL.select(ENTITY_EMAIL_ADDRESS.ENTITY_ID).from(ENTITY_EMAIL_ADDRESS).join(EMAIL_ADDRESS)
                        .on(EMAIL_ADDRESS.ID.eq(ENTITY_EMAIL_ADDRESS.EMAIL_ADDRESS_ID))
                        .where(EMAIL_ADDRESS.LOWER.eq(email), ENTITY_EMAIL_ADDRESS.ENTITY_TYPE.eq(entityType),
                                ENTITY_EMAIL_ADDRESS.DELETED.eq((byte) 0)));
        return attributes.toAttributes(entityType, tenantDsl.crm().selectFrom(table)
                .where(CrmSchema.deleted(table).eq((byte) 0)).and(byName.or(byEmail)).limit(20).fetch());
    }
}
