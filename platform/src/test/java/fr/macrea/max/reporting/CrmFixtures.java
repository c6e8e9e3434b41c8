package fr.macrea.max.reporting;

import fr.macrea.max.crm.CrmSearch;

import org.jooq.DSLContext;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static fr.macrea.max.db.crm.Tables.ARRAY_VALUE;
import static fr.macrea.max.db.crm.Tables.CALL;
import static fr.macrea.max.db.crm.Tables.CAMPAIGN;
import static fr.macrea.max.db.crm.Tables.CAMPAIGN_LOG_RECORD;
import static fr.macrea.max.db.crm.Tables.EMAIL;
import static fr.macrea.max.db.crm.Tables.EMAIL_ADDRESS;
import static fr.macrea.max.db.crm.Tables.ENTITY_EMAIL_ADDRESS;
import static fr.macrea.max.db.crm.Tables.LEAD;
import static fr.macrea.max.db.crm.Tables.NOTE;
import static fr.macrea.max.db.crm.Tables.USER;

/** Inserts EspoCRM-shaped rows straight into a tenant's CRM schema, for read-model tests. */
public final class CrmFixtures {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final DSLContext dsl;

    public CrmFixtures(DSLContext dsl) {
        this.dsl = dsl;
    }

    public static String newId() {
        return String.format("t%016d", IDS.incrementAndGet()).substring(0, 17);
    }

    public static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public String lead(String first, String last, String status, String source, Instant created, Instant modified,
                       String email, String assignedUserId, boolean deleted, String... tags) {
        String id = newId();
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < tags.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(tags[i]).append('"');
        }
        json.append(']');
        dsl.insertInto(LEAD).set(LEAD.ID, id).set(LEAD.FIRST_NAME, first).set(LEAD.LAST_NAME, last)
                .set(LEAD.STATUS, status).set(LEAD.SOURCE, source).set(LEAD.CREATED_AT, utc(created))
                .set(LEAD.MODIFIED_AT, modified == null ? null : utc(modified)).set(LEAD.DELETED, (byte) (deleted ? 1 : 0))
                .set(LEAD.ASSIGNED_USER_ID, assignedUserId).set(LEAD.C_TAGS, json.toString()).execute();
        for (String tag : tags) {
            dsl.insertInto(ARRAY_VALUE).set(ARRAY_VALUE.ID, newId()).set(ARRAY_VALUE.VALUE, tag)
                    .set(ARRAY_VALUE.ATTRIBUTE, "cTags").set(ARRAY_VALUE.ENTITY_ID, id).set(ARRAY_VALUE.ENTITY_TYPE, "Lead").execute();
        }
        if (email != null) {
            String addressId = newId();
            dsl.insertInto(EMAIL_ADDRESS).set(EMAIL_ADDRESS.ID, addressId).set(EMAIL_ADDRESS.NAME, email)
                    .set(EMAIL_ADDRESS.LOWER, email.toLowerCase()).execute();
            dsl.insertInto(ENTITY_EMAIL_ADDRESS).set(ENTITY_EMAIL_ADDRESS.ENTITY_ID, id)
                    .set(ENTITY_EMAIL_ADDRESS.EMAIL_ADDRESS_ID, addressId).set(ENTITY_EMAIL_ADDRESS.ENTITY_TYPE, "Lead")
                    .set(ENTITY_EMAIL_ADDRESS.PRIMARY, (byte) 1).execute();
        }
        CrmSearch.fillMissing(dsl); // rows inserted by hand get their search words as the CRM's write paths give them
        return id;
    }

    public String user(String first, String last) {
        String id = newId();
        dsl.insertInto(USER).set(USER.ID, id).set(USER.FIRST_NAME, first).set(USER.LAST_NAME, last)
                .set(USER.USER_NAME, (first + "." + last).toLowerCase()).execute();
        return id;
    }

    public String campaign(String name, Instant created) {
        String id = newId();
        dsl.insertInto(CAMPAIGN).set(CAMPAIGN.ID, id).set(CAMPAIGN.NAME, name).set(CAMPAIGN.CREATED_AT, utc(created)).execute();
        return id;
    }

    public void campaignLog(String campaignId, String action, Instant at, boolean test, String leadId) {
        dsl.insertInto(CAMPAIGN_LOG_RECORD).set(CAMPAIGN_LOG_RECORD.ID, newId()).set(CAMPAIGN_LOG_RECORD.CAMPAIGN_ID, campaignId)
                .set(CAMPAIGN_LOG_RECORD.ACTION, action).set(CAMPAIGN_LOG_RECORD.ACTION_DATE, utc(at))
                .set(CAMPAIGN_LOG_RECORD.CREATED_AT, utc(at)).set(CAMPAIGN_LOG_RECORD.IS_TEST, (byte) (test ? 1 : 0))
                .set(CAMPAIGN_LOG_RECORD.PARENT_ID, leadId).set(CAMPAIGN_LOG_RECORD.PARENT_TYPE, "Lead").execute();
    }

    public String email(String subject, String status, Instant sent, boolean replied, String leadId, Instant created) {
        String id = newId();
        dsl.insertInto(EMAIL).set(EMAIL.ID, id).set(EMAIL.NAME, subject).set(EMAIL.STATUS, status)
                .set(EMAIL.DATE_SENT, sent == null ? null : utc(sent)).set(EMAIL.IS_REPLIED, (byte) (replied ? 1 : 0))
                .set(EMAIL.PARENT_ID, leadId).set(EMAIL.PARENT_TYPE, leadId == null ? null : "Lead")
                .set(EMAIL.CREATED_AT, utc(created)).execute();
        return id;
    }

    public String call(String name, String leadId, Instant created) {
        String id = newId();
        dsl.insertInto(CALL).set(CALL.ID, id).set(CALL.NAME, name).set(CALL.PARENT_ID, leadId)
                .set(CALL.PARENT_TYPE, "Lead").set(CALL.CREATED_AT, utc(created)).set(CALL.STATUS, "Held").execute();
        return id;
    }

    public String note(String post, String leadId, Instant created) {
        String id = newId();
        dsl.insertInto(NOTE).set(NOTE.ID, id).set(NOTE.POST, post).set(NOTE.TYPE, "Post").set(NOTE.PARENT_ID, leadId)
                .set(NOTE.PARENT_TYPE, "Lead").set(NOTE.CREATED_AT, utc(created)).execute();
        return id;
    }

    public void touch(String leadId, Instant modified) {
        dsl.update(LEAD).set(LEAD.MODIFIED_AT, utc(modified)).where(LEAD.ID.eq(leadId)).execute();
    }
}
