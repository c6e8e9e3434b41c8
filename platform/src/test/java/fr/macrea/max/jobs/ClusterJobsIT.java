package fr.macrea.max.jobs;

import fr.macrea.max.testing.Await;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.autoconfigure.Jackson3Serializer;
import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import fr.macrea.max.testing.PlatformIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two M.A.X. nodes on one MariaDB: each execution of a recurring job, and each delayed one-time task, runs on one
 * node only. The two schedulers are built like the application's (JSON data, UTC timestamps, table of migration
 * V50) and poll every 50 ms so that they race for every due execution.
 */
class ClusterJobsIT extends PlatformIT {

    @Autowired
    private DataSource dataSource;

    private final List<Scheduler> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(Scheduler::stop);
        nodes.clear();
    }

    @Test
    void eachRunOfARecurringJobRunsOnOneNodeOnly() {
        String name = "it-recurring-" + UUID.randomUUID();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        RecurringTask<Void> job = ClusterJobs.recurring(name, Duration.ofMillis(30), Duration.ZERO, () -> {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            sleep(20);
            runs.incrementAndGet();
            running.decrementAndGet();
        });
        Map<Long, Integer> runsPerExecution = new ConcurrentHashMap<>();
        Map<String, Integer> runsPerNode = new ConcurrentHashMap<>();

        startNode("node-a", job, runsPerExecution, runsPerNode);
        startNode("node-b", job, runsPerExecution, runsPerNode);
        Await.until(() -> runs.get() >= 20, Duration.ofSeconds(30));
        stopNodes();

        int total = runs.get();
        assertThat(overlaps.get()).as("runs of the job that overlapped (picked by both nodes)").isZero();
        assertThat(runsPerExecution.values()).as("runs per scheduled execution").containsOnly(1);
        assertThat(runsPerExecution).hasSize(total);
        assertThat(runsPerNode.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
    }

    @Test
    void eachDelayedTaskRunsOnceAcrossTwoNodes() {
        String name = "it-once-" + UUID.randomUUID();
        Queue<String> ran = new ConcurrentLinkedQueue<>();
        OneTimeTask<Step> task = Tasks.oneTime(name, Step.class)
                .execute((instance, context) -> ran.add(instance.getId() + ":" + instance.getData().lead()));
        Map<String, Integer> runsPerNode = new ConcurrentHashMap<>();
        startNode("node-a", task, new ConcurrentHashMap<>(), runsPerNode);
        startNode("node-b", task, new ConcurrentHashMap<>(), runsPerNode);

        // 2 s ahead: Connector/J stores whole seconds on MariaDB (it reads MariaDB's version as 5.5.5)
        Instant due = Instant.now().plusSeconds(2);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            assertThat(nodes.get(i % 2).scheduleIfNotExists(task.instance("step-" + i, new Step("lead-" + i, 3)), due)).isTrue();
            expected.add("step-" + i + ":lead-" + i);
            if (i == 0) {
                // scheduling an instance id again, from the other node, is a no-op: a lead's J+3 is never doubled
                assertThat(nodes.get(1).scheduleIfNotExists(task.instance("step-0", new Step("other", 3)), due)).isFalse();
            }
        }

        Await.until(() -> ran.size() >= 40, Duration.ofSeconds(30));
        sleep(500); // a double run would show up now
        assertThat(ran).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Task data as the automation will store it: a record, written as JSON. */
    record Step(String lead, int days) {
    }

    /**
     * A node whose runs are recorded by the version of the row they picked: a node takes a due execution by
     * incrementing the row's version with a conditional UPDATE, so two runs of one execution would share it.
     */
    private void startNode(String nodeName, Task<?> task, Map<Long, Integer> runsPerExecution,
                           Map<String, Integer> runsPerNode) {
        ExecutionInterceptor record = (instance, context, chain) -> {
            runsPerExecution.merge(context.getExecution().version, 1, Integer::sum);
            runsPerNode.merge(nodeName, 1, Integer::sum);
            return chain.proceed(instance, context);
        };
        var builder = task instanceof RecurringTask<?> recurring
                ? Scheduler.create(dataSource).startTasks(List.of(recurring))
                : Scheduler.create(dataSource, List.of(task));
        Scheduler scheduler = builder
                .schedulerName(new SchedulerName.Fixed(nodeName))
                .serializer(new Jackson3Serializer())
                .alwaysPersistTimestampInUTC()
                .pollingInterval(Duration.ofMillis(50))
                .threads(4)
                .addExecutionInterceptor(record)
                .build();
        nodes.add(scheduler);
        scheduler.start();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
