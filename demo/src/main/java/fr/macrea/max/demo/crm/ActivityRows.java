package fr.macrea.max.demo.crm;

import fr.macrea.max.crm.CrmSearch;
import fr.macrea.max.persistence.TenantDsl;
import tools.jackson.databind.json.JsonMapper;
import org.jooq.Field;
import org.jooq.Table;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static fr.macrea.max.db.crm.Tables.ACCOUNT;
import static fr.macrea.max.db.crm.Tables.ARRAY_VALUE;
import static fr.macrea.max.db.crm.Tables.CALL;
import static fr.macrea.max.db.crm.Tables.CAMPAIGN;
import static fr.macrea.max.db.crm.Tables.CAMPAIGN_LOG_RECORD;
import static fr.macrea.max.db.crm.Tables.CONTACT;
import static fr.macrea.max.db.crm.Tables.EMAIL;
import static fr.macrea.max.db.crm.Tables.EMAIL_ADDRESS;
import static fr.macrea.max.db.crm.Tables.EMAIL_TEMPLATE;
import static fr.macrea.max.db.crm.Tables.EMAIL_TEMPLATE_CATEGORY;
import static fr.macrea.max.db.crm.Tables.ENTITY_EMAIL_ADDRESS;
import static fr.macrea.max.db.crm.Tables.ENTITY_PHONE_NUMBER;
import static fr.macrea.max.db.crm.Tables.LEAD;
import static fr.macrea.max.db.crm.Tables.LEAD_TARGET_LIST;
import static fr.macrea.max.db.crm.Tables.MEETING;
import static fr.macrea.max.db.crm.Tables.NOTE;
import static fr.macrea.max.db.crm.Tables.PHONE_NUMBER;
import static fr.macrea.max.db.crm.Tables.TARGET_LIST;
import static fr.macrea.max.db.crm.Tables.TASK;
import static fr.macrea.max.db.crm.Tables.USER;

/** The activity history of a generated dataset: notes, tasks, calls, meetings, e-mails and campaign log records. */
final class ActivityRows {

    private final DatasetRun run;

    ActivityRows(DatasetRun run) {
        this.run = run;
    }

    void write() {
        int people = run.leadIds.length + run.contactIds.length;
        if (people == 0 || run.spec.activities() == 0) {
            return;
        }
        RowBatch notes = new RowBatch(run, NOTE, NOTE.ID, NOTE.DELETED, NOTE.POST, NOTE.TYPE, NOTE.CREATED_AT, NOTE.MODIFIED_AT,
                NOTE.PARENT_ID, NOTE.PARENT_TYPE, NOTE.CREATED_BY_ID);
        RowBatch tasks = new RowBatch(run, TASK, TASK.ID, TASK.NAME, TASK.DELETED, TASK.STATUS, TASK.PRIORITY, TASK.DATE_END,
                TASK.DATE_COMPLETED, TASK.DESCRIPTION, TASK.CREATED_AT, TASK.MODIFIED_AT, TASK.PARENT_ID, TASK.PARENT_TYPE,
                TASK.ASSIGNED_USER_ID, TASK.CREATED_BY_ID);
        RowBatch calls = new RowBatch(run, CALL, CALL.ID, CALL.NAME, CALL.DELETED, CALL.STATUS, CALL.DATE_START, CALL.DATE_END,
                CALL.DIRECTION, CALL.DESCRIPTION, CALL.CREATED_AT, CALL.MODIFIED_AT, CALL.PARENT_ID, CALL.PARENT_TYPE,
                CALL.ASSIGNED_USER_ID);
        RowBatch meetings = new RowBatch(run, MEETING, MEETING.ID, MEETING.NAME, MEETING.DELETED, MEETING.STATUS, MEETING.DATE_START,
                MEETING.DATE_END, MEETING.DESCRIPTION, MEETING.CREATED_AT, MEETING.MODIFIED_AT, MEETING.PARENT_ID,
                MEETING.PARENT_TYPE, MEETING.ASSIGNED_USER_ID);
        RowBatch emails = new RowBatch(run, EMAIL, EMAIL.ID, EMAIL.NAME, EMAIL.DELETED, EMAIL.FROM_STRING, EMAIL.BODY_PLAIN,
                EMAIL.BODY, EMAIL.IS_HTML, EMAIL.STATUS, EMAIL.DATE_SENT, EMAIL.SEND_AT, EMAIL.IS_REPLIED, EMAIL.CREATED_AT,
                EMAIL.MODIFIED_AT, EMAIL.PARENT_ID, EMAIL.PARENT_TYPE, EMAIL.ASSIGNED_USER_ID);
        RowBatch logs = new RowBatch(run, CAMPAIGN_LOG_RECORD, CAMPAIGN_LOG_RECORD.ID, CAMPAIGN_LOG_RECORD.DELETED,
                CAMPAIGN_LOG_RECORD.ACTION, CAMPAIGN_LOG_RECORD.ACTION_DATE, CAMPAIGN_LOG_RECORD.STRING_DATA,
                CAMPAIGN_LOG_RECORD.APPLICATION, CAMPAIGN_LOG_RECORD.CREATED_AT, CAMPAIGN_LOG_RECORD.IS_TEST,
                CAMPAIGN_LOG_RECORD.CAMPAIGN_ID, CAMPAIGN_LOG_RECORD.PARENT_ID, CAMPAIGN_LOG_RECORD.PARENT_TYPE);
        long made = 0;
        while (made < run.spec.activities()) {
            int who = run.random.nextInt(people);
            boolean isLead = who < run.leadIds.length;
            String parent = isLead ? run.leadIds[who] : run.contactIds[who - run.leadIds.length];
            String type = isLead ? "Lead" : "Contact";
            String user = run.users.get(run.random.nextInt(run.users.size()));
            LocalDateTime at = run.past(500);
            int kind = run.random.nextInt(100);
            if (kind < 28) {
                notes.add(run.id(), (byte) 0, run.pick(run.v.notes()), "Post", at, at, parent, type, user);
            } else if (kind < 43) {
                boolean done = at.plusDays(7).isBefore(run.now) && run.random.nextInt(4) != 0;
                tasks.add(run.id(), run.pick(run.v.tasks()), (byte) 0, done ? "Completed" : run.pick(new String[]{"Not Started", "Started", "Deferred"}),
                        run.pick(new String[]{"Low", "Normal", "Normal", "High", "Urgent"}), at.plusDays(3),
                        done ? at.plusDays(2) : null, null, at, at, parent, type, user, user);
            } else if (kind < 58) {
                calls.add(run.id(), run.pick(run.v.calls()), (byte) 0, at.isBefore(run.now.minusDays(1)) ? run.pick(new String[]{"Held", "Held", "Not Held"}) : "Planned",
                        at, at.plusMinutes(5 + run.random.nextInt(25)), run.pick(new String[]{"Outbound", "Outbound", "Inbound"}),
                        run.random.nextBoolean() ? run.pick(run.v.notes()) : null, at, at, parent, type, user);
            } else if (kind < 63) {
                meetings.add(run.id(), run.pick(run.v.meetings()), (byte) 0, at.isBefore(run.now) ? "Held" : "Planned", at, at.plusHours(1),
                        null, at, at, parent, type, user);
            } else if (kind < 83) {
                email(emails, parent, type, user, at);
            } else if (!run.campaignIds.isEmpty()) {
                made += campaignEmail(logs, parent, type, made);
            } else {
                notes.add(run.id(), (byte) 0, run.pick(run.v.notes()), "Post", at, at, parent, type, user);
            }
            made++;
        }
        run.activities = made;
        notes.flush();
        tasks.flush();
        calls.flush();
        meetings.flush();
        emails.flush();
        logs.flush();
    }

    /**
     * An e-mail to a person, with the statuses EspoCRM gives e-mails: most were sent (about a third got a reply); a
     * few are drafts written in the last two weeks, and a few are scheduled ("Sending" with a send date in the next
     * days, EspoCRM's "send later"): the messages waiting to leave.
     */
    private void email(RowBatch emails, String parent, String type, String user, LocalDateTime at) {
        String[] t = run.pick(run.v.templates());
        String from = "contact@" + FrenchFakes.slug(run.v.label()) + ".fr";
        int r = run.random.nextInt(100);
        if (r < 6) {
            LocalDateTime written = run.past(14);
            emails.add(run.id(), t[1], (byte) 0, from, t[2], "<p>" + t[2] + "</p>", (byte) 1, "Draft", null, null, (byte) 0,
                    written, written, parent, type, user);
        } else if (r < 9) {
            LocalDateTime written = run.past(3);
            LocalDateTime sendAt = run.now.plusHours(2 + run.random.nextInt(72));
            emails.add(run.id(), t[1], (byte) 0, from, t[2], "<p>" + t[2] + "</p>", (byte) 1, "Sending", null, sendAt,
                    (byte) 0, written, written, parent, type, user);
        } else {
            emails.add(run.id(), t[1], (byte) 0, from, t[2], "<p>" + t[2] + "</p>", (byte) 1, "Sent", at, null,
                    (byte) (run.random.nextInt(3) == 0 ? 1 : 0), at, at, parent, type, user);
        }
    }

    /**
     * A campaign e-mail, sent while its campaign ran (never before the campaign was created): Sent, then Opened for
     * ~45 %, then Clicked for ~12 %, sometimes Opted Out; an open or click that would lie in the future has not
     * happened yet. Returns the extra records written.
     */
    private int campaignEmail(RowBatch logs, String parent, String type, long made) {
        int c = run.random.nextInt(run.campaignIds.size());
        String campaign = run.campaignIds.get(c);
        LocalDateTime first = run.campaignWindows.get(c)[0];
        LocalDateTime last = run.campaignWindows.get(c)[1].isBefore(run.now) ? run.campaignWindows.get(c)[1] : run.now;
        LocalDateTime at = first.plusSeconds(run.random.nextLong(Math.max(1, java.time.Duration.between(first, last).toSeconds())));
        logs.add(run.id(), (byte) 0, "Sent", at, null, "Espo", at, (byte) 0, campaign, parent, type);
        int extra = 0;
        int r = run.random.nextInt(100);
        boolean room = made + 1 < run.spec.activities();
        if (r < 45 && room && at.plusHours(2).isBefore(run.now)) {
            logs.add(run.id(), (byte) 0, "Opened", at.plusHours(2), null, "Espo", at.plusHours(2), (byte) 0, campaign, parent, type);
            extra++;
            if (r < 12 && made + 2 < run.spec.activities() && at.plusHours(3).isBefore(run.now)) {
                logs.add(run.id(), (byte) 0, "Clicked", at.plusHours(3), "https://" + FrenchFakes.slug(run.v.label()) + ".fr/offre",
                        "Espo", at.plusHours(3), (byte) 0, campaign, parent, type);
                extra++;
            }
        } else if (r > 97 && room && at.plusHours(5).isBefore(run.now)) {
            logs.add(run.id(), (byte) 0, "Opted Out", at.plusHours(5), null, "Espo", at.plusHours(5), (byte) 0, campaign, parent, type);
            extra++;
        }
        return extra;
    }
}
