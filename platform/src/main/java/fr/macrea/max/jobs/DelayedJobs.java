package fr.macrea.max.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.time.Instant;

/**
 * Schedules delayed one-time tasks (automation delays such as J+3) in the cluster-wide scheduler: the execution is
 * a row of {@code scheduled_tasks}, so it survives restarts and runs once, on one node.
 */
@Service
public class DelayedJobs {

    // a provider, not the client: with db-scheduler.enabled=false (some tests) the context still starts
    private final ObjectProvider<SchedulerClient> scheduler;

    DelayedJobs(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Runs {@code task} with {@code data} at {@code at} (or as soon as possible if {@code at} is past).
     *
     * @return false if an execution with this instance id is already scheduled (it is kept unchanged)
     */
    public <T> boolean scheduleOnce(OneTimeTask<T> task, String instanceId, T data, Instant at) {
        return client().scheduleIfNotExists(task.instance(instanceId, data), at);
    }

    /** Cancels a scheduled execution that has not run yet; false if there is none. */
    public boolean cancel(OneTimeTask<?> task, String instanceId) {
        TaskInstanceId id = task.instanceId(instanceId);
        SchedulerClient client = client();
        if (client.getScheduledExecution(id).isEmpty()) {
            return false;
        }
        client.cancel(id);
        return true;
    }

    private SchedulerClient client() {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client == null) {
            throw new IllegalStateException("db-scheduler is disabled (db-scheduler.enabled=false): cannot schedule a job");
        }
        return client;
    }
}
