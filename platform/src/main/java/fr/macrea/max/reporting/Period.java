package fr.macrea.max.reporting;

import java.time.Duration;

/** The dashboard's period selector. */
public enum Period {
    DAYS_7(7), DAYS_30(30), DAYS_90(90);

    private final int days;

    Period(int days) {
        this.days = days;
    }

    public int days() {
        return days;
    }

    public Duration duration() {
        return Duration.ofDays(days);
    }

    public static Period ofDays(int days) {
        for (Period p : values()) {
            if (p.days == days) {
                return p;
            }
        }
        // a programming error (the UI offers the three periods only): English, for logs
        throw new IllegalArgumentException("Unknown period: " + days + " days (7, 30 or 90)");
    }
}
