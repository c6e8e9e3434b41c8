/**
 * The contract between the M.A.X. host and its brains (PF4J plugins), API version {@value fr.macrea.max.plugins.api.PluginsApi#VERSION}.
 * <p>
 * A brain is a jar holding one {@link fr.macrea.max.plugins.api.Brain} extension and a PF4J manifest
 * ({@code Plugin-Id}, {@code Plugin-Version}, {@code Plugin-Provider}, {@code Plugin-Requires}). The host calls
 * {@link fr.macrea.max.plugins.api.Brain#contribute} once when it loads the jar, validates the returned
 * {@link fr.macrea.max.plugins.api.BrainContributions} with {@link fr.macrea.max.plugins.api.ContributionRules}, and
 * from then on works only with those immutable records: brain code never runs inside a request, never sees a tenant,
 * a database or Spring. Every definition is declarative; the platform evaluates it.
 * <p>
 * Compatibility: within 1.x, types only gain optional members through new factory methods; a breaking change
 * makes 2.0.0, which brains requiring {@code >=1.0.0 & <2.0.0} will not load into.
 *
 * @since 1.0
 */
package fr.macrea.max.plugins.api;
