package fr.macrea.max.cluster;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.macrea.max.action.ActionContext;
import fr.macrea.max.action.ActionDefinition;
import fr.macrea.max.action.ActionKind;
import fr.macrea.max.shared.Message;
import fr.macrea.max.wallet.Right;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What each node of {@link TwoNodesOnOneDatabaseIT} has on top of the application: two test actions run through
 * the real pipeline, and a recurring cluster job that records where and when it ran. The records are static: both
 * nodes live in the test JVM and write to the same ones.
 */
@TestConfiguration(proxyBeanMethods = false)
class ClusterTestBeans {

    static final String SPEND = "test.cluster.spend";
    static final String HOLD = "test.cluster.hold";
    static final String PROBE_JOB = "it-cluster-probe";
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

    /** One run of the probe job: the node that ran it, the due time it ran for, and when it started and ended. */
    record ProbeRun(String node, Instant due, long startNanos, long endNanos) {
    }

    static final Queue<ProbeRun> PROBE_RUNS = new ConcurrentLinkedQueue<>();
    static final AtomicInteger PROBE_RUNNING = new AtomicInteger();
    static final AtomicInteger PROBE_OVERLAPS = new AtomicInteger();
    /** When set, node A's next run of the probe job hangs until node A dies (a job cut short by a crash). */
    static final AtomicBoolean STALL_PROBE_ON_A = new AtomicBoolean();
    static final BlockingQueue<String> PROBE_STALLED = new LinkedBlockingQueue<>();
    /** The node names of the hold actions that are inside their executor now. */
    static final BlockingQueue<String> HOLDING = new LinkedBlockingQueue<>();

    @Bean
    SpendAction clusterSpendAction() {
        return new SpendAction();
    }

    @Bean
    HoldAction clusterHoldAction(@Value("${db-scheduler.scheduler-name}") String node) {
        return new HoldAction(node);
    }

    /** Picked up by the db-scheduler starter like the platform's jobs: one row of scheduled_tasks for the cluster. */
    @Bean
    RecurringTask<Void> clusterProbeJob(@Value("${db-scheduler.scheduler-name}") String node) {
        return Tasks.recurring(PROBE_JOB, Schedules.fixedDelay(PROBE_INTERVAL)).execute((instance, context) -> {
            if (STALL_PROBE_ON_A.get() && node.equals("node-a")) {
                PROBE_STALLED.add(node);
                try {
                    Thread.sleep(Duration.ofMinutes(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            long start = System.nanoTime();
            if (PROBE_RUNNING.incrementAndGet() > 1) {
                PROBE_OVERLAPS.incrementAndGet();
            }
            try {
                Thread.sleep(300); // long enough for a second node picking the same due run to overlap it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                PROBE_RUNNING.decrementAndGet();
                PROBE_RUNS.add(new ProbeRun(node, context.getExecution().executionTime, start, System.nanoTime()));
            }
        });
    }

    /** A read action with a price: spends its tokens, or fails (and is refunded) when asked to. */
    static final class SpendAction implements ActionDefinition<SpendAction.Params, SpendAction.Result> {

        public record Params(boolean fail) {
        }

        public record Result(boolean done) {
        }

        @Override
        public String id() {
            return SPEND;
        }

        @Override
        public Message label() {
            return Message.of("action.text", "Dépense de test");
        }

        @Override
        public ActionKind kind() {
            return ActionKind.READ;
        }

        @Override
        public Right requiredRight() {
            return Right.BASIC_AI;
        }

        @Override
        public Class<Params> paramsType() {
            return Params.class;
        }

        @Override
        public Class<Result> resultType() {
            return Result.class;
        }

        @Override
        public Message describe(Params params) {
            return Message.of("action.text", "dépense de test");
        }

        @Override
        public Result execute(Params params, ActionContext context) {
            if (params.fail()) {
                throw new IllegalStateException("échec simulé");
            }
            return new Result(true);
        }
    }

    /** A read action that holds its reservation until its thread is interrupted: the node dies under it. */
    static final class HoldAction implements ActionDefinition<HoldAction.Params, HoldAction.Result> {

        public record Params(String why) {
        }

        public record Result(boolean done) {
        }

        private final String node;

        HoldAction(String node) {
            this.node = node;
        }

        @Override
        public String id() {
            return HOLD;
        }

        @Override
        public Message label() {
            return Message.of("action.text", "Action longue de test");
        }

        @Override
        public ActionKind kind() {
            return ActionKind.READ;
        }

        @Override
        public Right requiredRight() {
            return Right.BASIC_AI;
        }

        @Override
        public Class<Params> paramsType() {
            return Params.class;
        }

        @Override
        public Class<Result> resultType() {
            return Result.class;
        }

        @Override
        public Message describe(Params params) {
            return Message.of("action.text", "action longue de test");
        }

        @Override
        public Result execute(Params params, ActionContext context) throws InterruptedException {
            HOLDING.add(node);
            Thread.sleep(Duration.ofMinutes(10));
            return new Result(true);
        }
    }
}
