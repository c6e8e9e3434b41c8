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
 * Compatibility: brains create contributions only through the builders and {@code of(...)} factories (the
 * records' canonical constructors are not part of the contract: they gain a parameter when a component is added).
 * Within 2.x, types only gain optional members, with defaults in the builders and factories and new builder /
 * {@code with...} methods to set them; a breaking change makes 3.0.0, which brains requiring
 * {@code >=2.0.0 & <3.0.0} will not load into. 2.0.0 itself broke 1.0.0 (n8n JSON left the API): see
 * docs/plugins.md.
 *
 * @since 1.0
 */
package fr.macrea.max.plugins.api;
