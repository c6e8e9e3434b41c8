package fr.macrea.max.crm;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import fr.macrea.max.jobs.ClusterJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** The periodic replica pull, a cluster-wide job (off with {@code max.crm.sync.scheduled=false}). */
@Configuration
@ConditionalOnProperty(name = "max.crm.sync.scheduled", havingValue = "true", matchIfMissing = true)
class CrmConfiguration {

    static final String PULL_JOB = "crm-pull-sync";

    @Bean
    RecurringTask<Void> crmPullSyncJob(CrmSync sync,
                                       @Value("${max.crm.sync.interval:PT5M}") Duration interval,
                                       @Value("${max.crm.sync.initial-delay:PT2M}") Duration initialDelay) {
        return ClusterJobs.recurring(PULL_JOB, interval, initialDelay, sync::pullAll);
    }
}
