package fr.macrea.max.fields;

import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.Message;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A migration left {@code APPLYING} by a crash (the process killed between two steps, or during one) stops writing
 * its heartbeat; this cluster-wide job (once per cluster, {@link FieldsConfiguration}, from start-up on) reverses it
 * from its recorded step states, newest first, and marks it FAILED with the reason; the action log's sweeper fails
 * the action and refunds its reservation as for any action a crash interrupted. A migration another node is still
 * applying keeps its heartbeat fresh and is left alone.
 */
@Component
class MigrationRecovery {

    private static final Logger log = LoggerFactory.getLogger(MigrationRecovery.class);
    /** Several missed heartbeats: the node applying the project is gone. */
    static final Duration STALE_AFTER = MigrationRunner.HEARTBEAT.multipliedBy(6);

    private final TenantService tenants;
    private final TenantContext context;
    private final MigrationRepository repository;
    private final MigrationRunner runner;
    private final Clock clock;

    MigrationRecovery(TenantService tenants, TenantContext context, MigrationRepository repository,
                      MigrationRunner runner, Clock clock) {
        this.tenants = tenants;
        this.context = context;
        this.repository = repository;
        this.runner = runner;
        this.clock = clock;
    }

    /** The cluster-wide job: every tenant's interrupted migrations. */
    void sweep() {
        for (Tenant tenant : tenants.allForSystemJobs()) {
            try {
                context.runAs(tenant, () -> recoverCurrentTenant(clock.instant().minus(STALE_AFTER)));
            } catch (RuntimeException e) {
                log.error("field migrations of tenant {} could not be recovered", tenant.slug(), e);
            }
        }
    }

    /** Reverses the current tenant's migrations whose heartbeat is older than {@code staleBefore}; how many. */
    int recoverCurrentTenant(Instant staleBefore) {
        List<Long> interrupted = repository.interrupted(staleBefore);
        for (long id : interrupted) {
            List<String> notReversed = runner.reverseApplied(id);
            Message error = notReversed.isEmpty() ? Message.of("fields.recovered")
                    : Message.of("fields.recovered.not-reversed", String.join(", ", notReversed));
            repository.failed(id, error);
            log.warn("field migration {} was interrupted: its applied steps were reversed", id);
        }
        return interrupted.size();
    }
}
