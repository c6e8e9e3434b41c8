package fr.macrea.max.outbound;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.TenantId;
import fr.macrea.max.shared.TenantRef;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * One db-scheduler task per batch of a send: a row of {@code scheduled_tasks}, so a batch survives a crash or a
 * restart and runs on one node; a failed run (SMTP down) is retried with a growing delay and resumes where the
 * recipients' rows say.
 */
@Configuration
class OutboundJobs {

    static final String BATCH_TASK = "outbound-batch";

    /** The task's data: ids only (stored as JSON, must still read after an upgrade). */
    record BatchJob(long tenantId, long sendId, int batch) {
    }

    @Bean
    OneTimeTask<BatchJob> outboundBatchTask(SendBatches batches, TenantContext context) {
        return Tasks.oneTime(BATCH_TASK, BatchJob.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(15), 2.0))
                .execute((instance, ctx) -> {
                    BatchJob job = instance.getData();
                    TenantId tenant = new TenantId(job.tenantId());
                    context.runAs(TenantRef.of(tenant, "tenant-" + job.tenantId()),
                            () -> batches.run(job.sendId(), job.batch()));
                });
    }

    static String instanceId(long tenantId, long sendId, int batch) {
        return "send-" + tenantId + "-" + sendId + "-" + batch;
    }
}
