package fr.macrea.max.jobs;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Factory of the platform's recurring jobs (see the package documentation for how to declare one). */
public final class ClusterJobs {

    private ClusterJobs() {
    }

    /**
     * A job that runs {@code interval} after its previous run ended, on one node of the cluster. A failed run is
     * logged by db-scheduler and the job is rescheduled at the next interval, as {@code @Scheduled(fixedDelay)}
     * did.
     *
     * @param name         the job's row in {@code scheduled_tasks}: never rename it, or the old row stays unresolved
     * @param initialDelay first run after this delay, only when the job has no row yet: after a restart the job
     *                     keeps the execution time stored in the database
     */
    public static RecurringTask<Void> recurring(String name, Duration interval, Duration initialDelay, Runnable job) {
        Objects.requireNonNull(job, "job");
        return Tasks.recurring(name, new FixedDelayAfterStart(interval, initialDelay))
                .execute((instance, context) -> job.run());
    }

    /**
     * Fixed delay between the end of a run and the next one, with a first run after {@code initialDelay} (db-scheduler's
     * {@code FixedDelay} runs a new job immediately, before the application has warmed up).
     */
    record FixedDelayAfterStart(Duration interval, Duration initialDelay) implements Schedule {

        FixedDelayAfterStart {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("interval must be positive: " + interval);
            }
            if (initialDelay.isNegative()) {
                throw new IllegalArgumentException("initial delay must not be negative: " + initialDelay);
            }
        }

        @Override
        public Instant getNextExecutionTime(ExecutionComplete executionComplete) {
            return executionComplete.getTimeDone().plus(interval);
        }

        @Override
        public Instant getInitialExecutionTime(Instant now) {
            return now.plus(initialDelay);
        }

        @Override
        public boolean isDeterministic() {
            return false;
        }
    }
}
