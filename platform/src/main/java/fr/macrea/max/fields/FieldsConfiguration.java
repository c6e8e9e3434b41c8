package fr.macrea.max.fields;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import fr.macrea.max.jobs.ClusterJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** The recovery of interrupted migrations, once per cluster (db-scheduler), soon after start and then regularly. */
@Configuration
class FieldsConfiguration {

    static final String RECOVERY_JOB = "field-migration-recovery";

    @Bean
    RecurringTask<Void> fieldMigrationRecoveryJob(MigrationRecovery recovery,
                                                  @Value("${max.fields.recovery.interval:PT30S}") Duration interval) {
        return ClusterJobs.recurring(RECOVERY_JOB, interval, Duration.ofSeconds(15), recovery::sweep);
    }
}
