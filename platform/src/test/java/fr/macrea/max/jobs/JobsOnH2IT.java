package fr.macrea.max.jobs;

import fr.macrea.max.testing.Await;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import fr.macrea.max.PlatformTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler on M.A.X.'s embedded default database (H2 in MySQL mode, what {@code ./max run} uses): the
 * platform's jobs are registered in {@code scheduled_tasks}, a recurring job runs, and a delayed one-time task
 * runs once at its time with its data.
 */
@SpringBootTest(classes = PlatformTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:jobs_h2;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "max.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "db-scheduler.polling-interval=PT0.1S"})
@Import(JobsOnH2IT.TestJobs.class)
class JobsOnH2IT {

    static final AtomicInteger heartbeats = new AtomicInteger();
    static final Queue<String> followUps = new ConcurrentLinkedQueue<>();
    static final Queue<Instant> followUpTimes = new ConcurrentLinkedQueue<>();

    record FollowUp(long tenantId, String leadId, Instant plannedAt) {
    }

    @TestConfiguration
    static class TestJobs {

        @Bean
        RecurringTask<Void> testHeartbeatJob() {
            return ClusterJobs.recurring("it-heartbeat", Duration.ofMillis(200), Duration.ZERO, heartbeats::incrementAndGet);
        }

        @Bean
        OneTimeTask<FollowUp> testFollowUpTask() {
            return Tasks.oneTime("it-follow-up", FollowUp.class)
                    .execute((instance, context) -> {
                        followUpTimes.add(Instant.now());
                        followUps.add(instance.getId() + " " + instance.getData());
                    });
        }
    }

    @Autowired
    private DelayedJobs delayedJobs;
    @Autowired
    private OneTimeTask<FollowUp> followUpTask;
    @Autowired
    private Scheduler scheduler;

    @Test
    void thePlatformJobsAreRegisteredAndRunOnH2() throws InterruptedException {
        // all(), picked ones included: the 200 ms heartbeat is often being executed at the moment of the query
        assertThat(scheduler.getScheduledExecutions(ScheduledExecutionsFilter.all())).extracting(e -> e.getTaskInstance().getTaskName())
                .contains("crm-pull-sync", "wallet-reservation-sweeper", "action-log-sweeper", "it-heartbeat");
        Await.until(() -> heartbeats.get() >= 3, Duration.ofSeconds(20));
    }

    @Test
    void aDelayedTaskRunsOnceAtItsTimeWithItsData() throws InterruptedException {
        Instant planned = Instant.parse("2026-12-04T09:00:00Z");
        Instant at = Instant.now().plusMillis(700);
        FollowUp data = new FollowUp(42, "lead-7", planned);
        assertThat(delayedJobs.scheduleOnce(followUpTask, "lead-7-j3", data, at)).isTrue();
        assertThat(delayedJobs.scheduleOnce(followUpTask, "lead-7-j3", data, at)).as("same id: kept once").isFalse();
        assertThat(delayedJobs.scheduleOnce(followUpTask, "lead-8-j3", data, at.plusSeconds(3600))).isTrue();
        assertThat(delayedJobs.cancel(followUpTask, "lead-8-j3")).isTrue();

        Await.until(() -> !followUps.isEmpty(), Duration.ofSeconds(20));
        assertThat(followUpTimes.peek()).as("not before its time").isAfterOrEqualTo(at);
        Thread.sleep(500);
        assertThat(followUps).containsExactly("lead-7-j3 " + data);
        assertThat(scheduler.getScheduledExecution(followUpTask.instanceId("lead-7-j3"))).as("done, row removed").isEmpty();
        assertThat(scheduler.getScheduledExecution(followUpTask.instanceId("lead-8-j3"))).as("cancelled").isEmpty();
    }
}
