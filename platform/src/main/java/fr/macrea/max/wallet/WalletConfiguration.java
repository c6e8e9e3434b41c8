package fr.macrea.max.wallet;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import fr.macrea.max.jobs.ClusterJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** The reservation sweeper, a cluster-wide job (off with {@code max.wallet.sweeper.enabled=false}). */
@Configuration
class WalletConfiguration {

    static final String SWEEPER_JOB = "wallet-reservation-sweeper";

    @Bean
    @ConditionalOnProperty(name = "max.wallet.sweeper.enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> walletReservationSweeperJob(ReservationSweeper sweeper,
                                                    @Value("${max.wallet.sweeper.interval:PT30S}") Duration interval,
                                                    @Value("${max.wallet.sweeper.initial-delay:PT20S}") Duration initialDelay) {
        return ClusterJobs.recurring(SWEEPER_JOB, interval, initialDelay, sweeper::sweep);
    }
}
