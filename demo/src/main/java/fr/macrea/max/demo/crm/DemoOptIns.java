package fr.macrea.max.demo.crm;

import fr.macrea.max.crm.CrmIds;
import fr.macrea.max.persistence.TenantDsl;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep11;
import org.jooq.Record;
import org.jooq.Record3;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import static fr.macrea.max.db.crm.Tables.CAMPAIGN;
import static fr.macrea.max.db.crm.Tables.CAMPAIGN_LOG_RECORD;
import static fr.macrea.max.db.crm.Tables.CONTACT;
import static fr.macrea.max.db.crm.Tables.LEAD;

/**
 * The consent evidence of the demo tenants: most people subscribed (an EspoCRM "Opted In" campaign log record, as a
 * double opt-in form writes it, dated when they entered the CRM or when the first campaign started, whichever is
 * later), about one in seven never did. Without it a demo newsletter would find nobody to send to, since the
 * consent rules require an opt-in for e-mail (docs/crea.md). A random stream of its own: the rest of the generated
 * data, and the figures the tests know, stay the same.
 */
@Component
class DemoOptIns {

    /** Share of people with an opt-in record, in percent. */
    static final int OPTED_IN_PERCENT = 86;

    private final TenantDsl tenantDsl;
    private final Clock clock;

    DemoOptIns(TenantDsl tenantDsl, Clock clock) {
        this.tenantDsl = tenantDsl;
        this.clock = clock;
    }

    /** Writes the opt-ins into the current tenant's CRM; returns how many. */
    int record(long seed) {
        DSLContext crm = tenantDsl.crm();
        Record first = crm.select(CAMPAIGN.ID, CAMPAIGN.CREATED_AT).from(CAMPAIGN).where(CAMPAIGN.DELETED.eq((byte) 0))
                .orderBy(CAMPAIGN.CREATED_AT).limit(1).fetchOne();
        if (first == null) {
            return 0;
        }
        String campaign = first.get(CAMPAIGN.ID);
        LocalDateTime opened = first.get(CAMPAIGN.CREATED_AT);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).withNano(0);
        SplittableRandom random = new SplittableRandom(seed ^ 0x0971_11L);
        var insert = crm.insertInto(CAMPAIGN_LOG_RECORD, CAMPAIGN_LOG_RECORD.ID, CAMPAIGN_LOG_RECORD.DELETED,
                CAMPAIGN_LOG_RECORD.ACTION, CAMPAIGN_LOG_RECORD.ACTION_DATE, CAMPAIGN_LOG_RECORD.STRING_DATA,
                CAMPAIGN_LOG_RECORD.APPLICATION, CAMPAIGN_LOG_RECORD.CREATED_AT, CAMPAIGN_LOG_RECORD.IS_TEST,
                CAMPAIGN_LOG_RECORD.CAMPAIGN_ID, CAMPAIGN_LOG_RECORD.PARENT_ID, CAMPAIGN_LOG_RECORD.PARENT_TYPE);
        int written = add(insert, random, crm.select(LEAD.ID, LEAD.CREATED_AT, org.jooq.impl.DSL.inline("Lead"))
                .from(LEAD).where(LEAD.DELETED.eq((byte) 0)).orderBy(LEAD.ID).fetch(), campaign, opened, now);
        written += add(insert, random, crm.select(CONTACT.ID, CONTACT.CREATED_AT, org.jooq.impl.DSL.inline("Contact"))
                .from(CONTACT).where(CONTACT.DELETED.eq((byte) 0)).orderBy(CONTACT.ID).fetch(), campaign, opened, now);
        if (written > 0) {
            insert.execute();
        }
        return written;
    }

    private int add(InsertValuesStep11<?, String, Byte, String, LocalDateTime, String, String, LocalDateTime, Byte,
                            String, String, String> insert, SplittableRandom random,
                    Iterable<? extends Record3<String, LocalDateTime, String>> people, String campaign,
                    LocalDateTime opened, LocalDateTime now) {
        int written = 0;
        for (Record3<String, LocalDateTime, String> person : people) {
            if (random.nextInt(100) >= OPTED_IN_PERCENT) {
                continue;
            }
            LocalDateTime at = person.value2() == null || person.value2().isBefore(opened) ? opened : person.value2();
            at = at.isAfter(now) ? now : at;
            insert.values(CrmIds.generate(clock), (byte) 0, "Opted In", at, null, "Espo", at, (byte) 0, campaign,
                    person.value1(), person.value3());
            written++;
        }
        return written;
    }
}
