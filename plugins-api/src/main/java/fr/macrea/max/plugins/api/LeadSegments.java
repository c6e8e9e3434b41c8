package fr.macrea.max.plugins.api;

/**
 * The platform's lead segments as criteria a brain can use in its KPIs, views and suggestion routines. A brain that
 * counts "leads à relancer" uses {@link #A_RELANCER} instead of re-defining it with statuses and day counts: the
 * platform evaluates it with the very definition of the CRM tab's segment filter, the Reporting tiles and its own
 * suggestions (active = New, Assigned or In Process; chaud = last contact under 5 days; à relancer = 5 to 30 days;
 * froid = 30 days or more), so every screen shows the same number.
 *
 * @since 2.0
 */
public final class LeadSegments {

    /** The pseudo-field of a segment criterion on {@code Lead} (value: the segment's name). */
    public static final String FIELD = "segment";

    /** Active leads (New, Assigned, In Process). */
    public static final Criterion ACTIF = segment("ACTIF");
    /** Active, last contact under 5 days. */
    public static final Criterion CHAUD = segment("CHAUD");
    /** Active, last contact 5 to 30 days ago: somebody should follow up. */
    public static final Criterion A_RELANCER = segment("A_RELANCER");
    /** Active, no contact for 30 days or more. */
    public static final Criterion FROID = segment("FROID");

    /** The users' name of {@link #A_RELANCER}, the same as the Reporting tile's and the CRM filter's. */
    public static final Label A_RELANCER_LABEL = Label.of("Leads à relancer", "Leads to follow up");

    private LeadSegments() {
    }

    private static Criterion segment(String name) {
        return Criterion.of(FIELD, Criterion.Operator.EQUALS, name);
    }
}
