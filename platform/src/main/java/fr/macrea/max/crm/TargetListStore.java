package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;
import fr.macrea.max.persistence.TenantDsl;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

import java.util.LinkedHashSet;
import java.util.Set;

import static fr.macrea.max.db.crm.Tables.ACCOUNT_TARGET_LIST;
import static fr.macrea.max.db.crm.Tables.CONTACT_TARGET_LIST;
import static fr.macrea.max.db.crm.Tables.LEAD_TARGET_LIST;

/** Target-list membership and opt-outs of leads, contacts and accounts (EspoCRM's link tables). */
@Repository
class TargetListStore {

    private record Link(Table<?> table, Field<String> owner, Field<String> targetList, Field<Byte> optedOut,
                        Field<Byte> deleted) {
    }

    private final TenantDsl tenantDsl;

    TargetListStore(TenantDsl tenantDsl) {
        this.tenantDsl = tenantDsl;
    }

    Set<String> optedOut(String entityType, String id) {
        Link link = link(entityType);
        return new LinkedHashSet<>(tenantDsl.crm().select(link.targetList()).from(link.table())
                .where(link.owner().eq(id), link.optedOut().eq((byte) 1), link.deleted().eq((byte) 0))
                .fetch(link.targetList()));
    }

    void setOptOut(String entityType, String id, String targetListId, boolean optedOut) {
        CrmIds.require(targetListId);
        Link link = link(entityType);
        tenantDsl.crm().transaction(tx -> {
            DSLContext d = tx.dsl();
            int n = d.update(link.table()).set(link.optedOut(), (byte) (optedOut ? 1 : 0)).set(link.deleted(), (byte) 0)
                    .where(link.owner().eq(id), link.targetList().eq(targetListId)).execute();
            if (n == 0) {
                d.insertInto(link.table()).set(link.owner(), id).set(link.targetList(), targetListId)
                        .set(link.optedOut(), (byte) (optedOut ? 1 : 0)).set(link.deleted(), (byte) 0).execute();
            }
        });
    }

    private static Link link(String entityType) {
        return switch (entityType) {
            case "Lead" -> new Link(LEAD_TARGET_LIST, LEAD_TARGET_LIST.LEAD_ID, LEAD_TARGET_LIST.TARGET_LIST_ID,
                    LEAD_TARGET_LIST.OPTED_OUT, LEAD_TARGET_LIST.DELETED);
            case "Contact" -> new Link(CONTACT_TARGET_LIST, CONTACT_TARGET_LIST.CONTACT_ID,
                    CONTACT_TARGET_LIST.TARGET_LIST_ID, CONTACT_TARGET_LIST.OPTED_OUT, CONTACT_TARGET_LIST.DELETED);
            case "Account" -> new Link(ACCOUNT_TARGET_LIST, ACCOUNT_TARGET_LIST.ACCOUNT_ID,
                    ACCOUNT_TARGET_LIST.TARGET_LIST_ID, ACCOUNT_TARGET_LIST.OPTED_OUT, ACCOUNT_TARGET_LIST.DELETED);
            default -> throw new CrmValidationException(Message.of("crm.target-list.unsupported"));
        };
    }
}
