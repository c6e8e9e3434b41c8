package fr.macrea.max.outbound;

import fr.macrea.max.persistence.TenantDsl;
import org.springframework.stereotype.Repository;

import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static fr.macrea.max.db.crm.Tables.CAMPAIGN_LOG_RECORD;
import static fr.macrea.max.db.crm.Tables.LEAD_TARGET_LIST;
import static fr.macrea.max.db.crm.Tables.TARGET_LIST;

/**
 * The CRM facts a send reads in bulk from the tenant's CRM tables (the embedded CRM, or the replica of EspoCRM's):
 * target-list members and opt-outs, and the opt-in evidence EspoCRM records, a campaign log record "Opted In"
 * (written by EspoCRM's lead capture double opt-in). One query per page of recipients instead of one per person.
 */
@Repository
class OutboundCrmRepository {

    static final String OPTED_IN = "Opted In";

    private final TenantDsl tenantDsl;

    OutboundCrmRepository(TenantDsl tenantDsl) {
        this.tenantDsl = tenantDsl;
    }

    /** The tenant's target lists, by name. */
    java.util.List<TargetListRef> targetLists() {
        return tenantDsl.crm().select(TARGET_LIST.ID, TARGET_LIST.NAME).from(TARGET_LIST)
                .where(TARGET_LIST.DELETED.eq((byte) 0)).orderBy(TARGET_LIST.NAME).fetch()
                .map(r -> new TargetListRef(r.value1(), r.value2()));
    }

    /** The leads of some target lists (ids, in list order of first appearance). */
    Set<String> targetListLeads(Set<String> listIds) {
        return new java.util.LinkedHashSet<>(tenantDsl.crm().selectDistinct(LEAD_TARGET_LIST.LEAD_ID).from(LEAD_TARGET_LIST)
                .where(LEAD_TARGET_LIST.TARGET_LIST_ID.in(listIds), LEAD_TARGET_LIST.DELETED.eq((byte) 0))
                .orderBy(LEAD_TARGET_LIST.LEAD_ID).fetch(LEAD_TARGET_LIST.LEAD_ID));
    }

    /** For each lead opted out of a target list: the first such list (of {@code listIds}, or of any list if empty). */
    Map<String, String> listOptOuts(Collection<String> leadIds, Set<String> listIds) {
        Map<String, String> out = new HashMap<>();
        var condition = LEAD_TARGET_LIST.LEAD_ID.in(leadIds).and(LEAD_TARGET_LIST.OPTED_OUT.eq((byte) 1))
                .and(LEAD_TARGET_LIST.DELETED.eq((byte) 0));
        if (!listIds.isEmpty()) {
            condition = condition.and(LEAD_TARGET_LIST.TARGET_LIST_ID.in(listIds));
        }
        tenantDsl.crm().select(LEAD_TARGET_LIST.LEAD_ID, LEAD_TARGET_LIST.TARGET_LIST_ID).from(LEAD_TARGET_LIST)
                .where(condition).fetch().forEach(r -> out.putIfAbsent(r.value1(), r.value2()));
        return out;
    }

    /** The latest opt-in record of each lead that has one: "CampaignLogRecord:<id>@<date>". */
    Map<String, String> optIns(Collection<String> leadIds) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        tenantDsl.crm().select(CAMPAIGN_LOG_RECORD.PARENT_ID, CAMPAIGN_LOG_RECORD.ID, CAMPAIGN_LOG_RECORD.ACTION_DATE)
                .from(CAMPAIGN_LOG_RECORD)
                .where(CAMPAIGN_LOG_RECORD.PARENT_TYPE.eq("Lead"), CAMPAIGN_LOG_RECORD.PARENT_ID.in(leadIds),
                        CAMPAIGN_LOG_RECORD.ACTION.eq(OPTED_IN), CAMPAIGN_LOG_RECORD.DELETED.eq((byte) 0))
                .orderBy(CAMPAIGN_LOG_RECORD.ACTION_DATE.desc(), CAMPAIGN_LOG_RECORD.ID).fetch()
                .forEach(r -> {
                    if (seen.add(r.value1())) {
                        String date = r.value3() == null ? "?" : r.value3().toInstant(ZoneOffset.UTC).toString();
                        out.put(r.value1(), "CampaignLogRecord:" + r.value2() + "@" + date);
                    }
                });
        return out;
    }
}
