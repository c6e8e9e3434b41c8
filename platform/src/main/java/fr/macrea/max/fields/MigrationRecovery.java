package fr.macrea.max.fields;

import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.Message;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A migration left {@code APPLYING} by a crash (the process killed between two steps) is found at start-up and
 * reversed from its recorded step states, newest first; the project becomes FAILED with the reason, and the action
 * log's sweeper fails the action and refunds its reservation as for any action a crash interrupted.
 */
@Component
class MigrationRecovery {

    private static final Logger log = LoggerFactory.getLogger(MigrationRecovery.class);

    private final TenantService tenants;
    private final TenantContext context;
    private final MigrationRepository repository;
    private final MigrationRunner runner;

    MigrationRecovery(TenantService tenants, TenantContext context, MigrationRepository repository,
                      MigrationRunner runner) {
        this.tenants = tenants;
        this.context = context;
        this.repository = repository;
        this.runner = runner;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        for (Tenant tenant : SystemAuthentication.asPlatform(tenants::list)) {
            try {
                context.runAs(tenant, this::recoverCurrentTenant);
            } catch (RuntimeException e) {
                log.error("field migrations of tenant {} could not be recovered", tenant.slug(), e);
            }
        }
    }

    /** Reverses the current tenant's interrupted migrations; returns how many. */
    int recoverCurrentTenant() {
        List<Long> interrupted = repository.withStatus(MigrationStatus.APPLYING);
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
