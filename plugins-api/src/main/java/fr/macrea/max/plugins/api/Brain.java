package fr.macrea.max.plugins.api;

import org.pf4j.ExtensionPoint;

/**
 * The one extension point of a brain: a vertical's knowledge (field plan, templates, KPIs, scenarios, suggestion
 * routines) as declarative data.
 * <p>
 * Contract: a brain jar carries exactly one {@code @Extension} implementing this interface, with a public no-argument
 * constructor. {@link #contribute} is called once per jar content, not per start: the host calls it in a short-lived
 * child JVM (bounded heap and time, no environment, no database) and keeps only the returned data, cached by the
 * jar's SHA-256. It must be fast, free of side effects (no threads, no I/O outside its own jar, no static state), and
 * return the same content every time. Ids inside the contributions are stable: the host and tenants' data refer to
 * them across versions of the brain. An exception thrown here, a thread left running, {@code System.exit} or running
 * past the time limit makes the host refuse the brain with that reason; it never reaches the server or a request.
 * <p>
 * A brain's class loader offers it the JDK, PF4J and this API only: naming any other class (the platform's,
 * Spring, jOOQ...) fails and the host refuses the brain. Contributions are built with the builders and
 * {@code of(...)} factories, never the records' constructors (see the package documentation).
 *
 * @since 1.0
 */
public interface Brain extends ExtensionPoint {

    /**
     * @param context what the host tells the brain (API version, the brain's own id); never a tenant or a database
     * @return everything the brain contributes, validated by the host with {@link ContributionRules}
     */
    BrainContributions contribute(BrainContext context);
}
