package fr.macrea.max.ranking;

import org.jooq.Condition;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static fr.macrea.max.db.crm.Tables.LEAD;

/**
 * The one place where "actif", "chaud", "à relancer", "froid" and "archivé" are defined (docs/reporting.md). Filters,
 * ranking, dashboard and suggestions all use these definitions, in SQL ({@link #condition}) and in Java
 * ({@link #temperature}). The "last contact" of a lead is its {@code modified_at} (EspoCRM's "Modifié le"), indexed:
 * that keeps every segment an index range on 200 000 leads.
 */
public enum LeadSegment {
    /** Not deleted, status New, Assigned or In Process. */
    ACTIF,
    /** Active and touched less than 5 days ago. */
    CHAUD,
    /** Active, last touched between 5 and 30 days ago: somebody should follow up. */
    A_RELANCER,
    /** Active, not touched for 30 days or more (or never). */
    FROID,
    /** Status Converted, Recycled or Dead. */
    ARCHIVE;

    public static final List<String> ACTIVE_STATUSES = List.of("New", "Assigned", "In Process");
    public static final List<String> ARCHIVED_STATUSES = List.of("Converted", "Recycled", "Dead");
    public static final Duration FOLLOW_UP_AFTER = Duration.ofDays(5);
    public static final Duration COLD_AFTER = Duration.ofDays(30);

    /** The segment's name for users ("Actif", "À relancer", ...), a key of the ranking bundle. */
    public String labelKey() {
        return "ranking.segment." + name();
    }

    /** CHAUD, A_RELANCER or FROID for an active lead, ARCHIVE for a closed one, null for other statuses. */
    public static LeadSegment temperature(String status, Instant modifiedAt, Instant now) {
        if (ARCHIVED_STATUSES.contains(status)) {
            return ARCHIVE;
        }
        if (!ACTIVE_STATUSES.contains(status)) {
            return null;
        }
        if (modifiedAt == null || !modifiedAt.isAfter(now.minus(COLD_AFTER))) {
            return FROID;
        }
        return modifiedAt.isAfter(now.minus(FOLLOW_UP_AFTER)) ? CHAUD : A_RELANCER;
    }

    /** The segment as a condition on the tenant's {@code lead} table (deleted rows excluded by the caller). */
    public Condition condition(Instant now) {
        LocalDateTime hotFrom = utc(now.minus(FOLLOW_UP_AFTER));
        LocalDateTime coldBefore = utc(now.minus(COLD_AFTER));
        Condition active = LEAD.STATUS.in(ACTIVE_STATUSES);
        return switch (this) {
            case ACTIF -> active;
            case CHAUD -> active.and(LEAD.MODIFIED_AT.gt(hotFrom));
            case A_RELANCER -> active.and(LEAD.MODIFIED_AT.gt(coldBefore)).and(LEAD.MODIFIED_AT.le(hotFrom));
            case FROID -> active.and(LEAD.MODIFIED_AT.le(coldBefore).or(LEAD.MODIFIED_AT.isNull()));
            case ARCHIVE -> LEAD.STATUS.in(ARCHIVED_STATUSES);
        };
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
