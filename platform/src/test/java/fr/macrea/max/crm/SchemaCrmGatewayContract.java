package fr.macrea.max.crm;

import fr.macrea.max.persistence.TenantDsl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Set;

import static fr.macrea.max.db.crm.Tables.ARRAY_VALUE;
import static fr.macrea.max.db.crm.Tables.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract, plus what a gateway backed by the tenant schema stores there exactly as EspoCRM does (the embedded
 * CRM, and the replica of an EspoCRM tenant): what other readers of the schema (ranking, reporting) rely on.
 */
abstract class SchemaCrmGatewayContract extends CrmGatewayContract {

    @Autowired
    protected TenantDsl tenantDsl;

    @Test
    void tagsStayConsistentWithArrayValueRows() {
        String id = crm.create("Lead", lead("Ana", "Silva" + unique, null), false);
        crm.setTags(EntityRef.lead(id), Set.of("newsletter", "vip"));
        crm.setTags(EntityRef.lead(id), Set.of("vip", "relance"));
        List<String> rows = tenantDsl.crm().select(ARRAY_VALUE.VALUE).from(ARRAY_VALUE)
                .where(ARRAY_VALUE.ENTITY_ID.eq(id), ARRAY_VALUE.ENTITY_TYPE.eq("Lead"), ARRAY_VALUE.ATTRIBUTE.eq("cTags"),
                        ARRAY_VALUE.DELETED.eq((byte) 0)).fetch(ARRAY_VALUE.VALUE);
        assertThat(rows).containsExactlyInAnyOrder("vip", "relance");
        String json = tenantDsl.crm().select(LEAD.C_TAGS).from(LEAD).where(LEAD.ID.eq(id)).fetchOne(LEAD.C_TAGS);
        assertThat(json).contains("\"vip\"").contains("\"relance\"").doesNotContain("newsletter");
    }

    @Test
    void aDeletedRecordKeepsItsRowFlaggedDeleted() {
        String id = crm.create("Lead", lead("Del", "Row" + unique, null), false);
        crm.delete(EntityRef.lead(id));
        assertThat(tenantDsl.crm().select(LEAD.DELETED).from(LEAD).where(LEAD.ID.eq(id)).fetchOne(LEAD.DELETED))
                .isEqualTo((byte) 1);
    }
}
