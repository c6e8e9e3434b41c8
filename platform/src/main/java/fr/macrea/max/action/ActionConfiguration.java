package fr.macrea.max.action;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import fr.macrea.max.jobs.ClusterJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The action log sweeper, a cluster-wide job on the wallet sweeper's interval and switch (it marks FAILED the
 * actions whose reservation that sweeper refunds).
 */
@Configuration
class ActionConfiguration {

    static final String SWEEPER_JOB = "action-log-sweeper";

    @Bean
    @ConditionalOnProperty(name = "max.wallet.sweeper.enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> actionLogSweeperJob(ActionLogSweeper sweeper,
                                            @Value("${max.wallet.sweeper.interval:PT30S}") Duration interval) {
        return ClusterJobs.recurring(SWEEPER_JOB, interval, Duration.ofSeconds(25), sweeper::sweep);
    }
}
