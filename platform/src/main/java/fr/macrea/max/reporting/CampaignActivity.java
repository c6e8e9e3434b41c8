package fr.macrea.max.reporting;

import org.jooq.Condition;
import org.jooq.Field;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static fr.macrea.max.db.crm.Tables.CAMPAIGN_LOG_RECORD;

/**
 * The one definition of what an EspoCRM {@code CampaignLogRecord} counts as (docs/reporting.md): shared by the
 * Reporting tiles (envoyés, ouverts, cliqués and their rates) and the brain KPIs on {@code CampaignLogRecord} (the
 * e-commerce brain's open and click rates), so the tile and the KPI read the same rows.
 * <ul>
 *   <li>a test send ({@code is_test}) is not campaign activity;</li>
 *   <li>a record belongs to the period of its {@code action_date} (when the e-mail was sent, opened or clicked), not
 *       of its {@code created_at} (when the row was written: an import or a resynchronisation writes old actions
 *       today).</li>
 * </ul>
 */
public final class CampaignActivity {

    public static final String SENT = "Sent";
    public static final String OPENED = "Opened";
    public static final String CLICKED = "Clicked";
    public static final List<String> FUNNEL = List.of(SENT, OPENED, CLICKED);

    private CampaignActivity() {
    }

    /** Records that count: not deleted, not a test send. */
    public static Condition counted() {
        return CAMPAIGN_LOG_RECORD.DELETED.eq((byte) 0).and(CAMPAIGN_LOG_RECORD.IS_TEST.eq((byte) 0));
    }

    /** The date a record belongs to a period by. */
    public static Field<LocalDateTime> date() {
        return CAMPAIGN_LOG_RECORD.ACTION_DATE;
    }

    /** Actions dated in {@code [from, to)}. */
    public static Condition during(Instant from, Instant to) {
        return date().ge(utc(from)).and(date().lt(utc(to)));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
