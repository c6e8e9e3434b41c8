/**
 * Jobs that run once per cluster: recurring jobs and delayed one-time tasks on db-scheduler, stored in the
 * {@code scheduled_tasks} table (docs/decisions/0008). Several M.A.X. nodes on one database run each execution on
 * one node only, and a node that restarts finds its schedule where it left it. {@code @Scheduled} is banned in
 * platform code ({@code JobsArchitectureTest}): it would run on every node.
 *
 * <h2>A recurring job</h2>
 * The feature that owns the work declares a bean made by {@link fr.macrea.max.jobs.ClusterJobs#recurring}; the
 * db-scheduler starter picks up every {@code Task} bean:
 * <pre>{@code
 * @Bean
 * RecurringTask<Void> walletReservationSweep(ReservationSweeper sweeper,
 *         @Value("${max.wallet.sweeper.interval:PT30S}") Duration interval) {
 *     return ClusterJobs.recurring("wallet-reservation-sweeper", interval, Duration.ofSeconds(20), sweeper::sweep);
 * }
 * }</pre>
 *
 * <h2>A delayed one-time task (e.g. an automation's J+3 step)</h2>
 * <ol>
 *   <li>Declare the task as a bean, with a small record as its data (stored as JSON by {@code Jackson3Serializer},
 *       so keep it to ids and values; it must still deserialise after an upgrade):
 * <pre>{@code
 * record FollowUp(long tenantId, String leadId) { }
 *
 * @Bean
 * OneTimeTask<FollowUp> followUpTask(FollowUpService service) {
 *     return Tasks.oneTime("automation-follow-up", FollowUp.class)
 *             .onFailureRetryLater()
 *             .execute((instance, ctx) -> service.run(instance.getData()));
 * }
 * }</pre></li>
 *   <li>Schedule an instance with {@link fr.macrea.max.jobs.DelayedJobs#scheduleOnce}; the instance id makes it
 *       idempotent (scheduling the same id twice keeps one execution):
 * <pre>{@code
 * delayedJobs.scheduleOnce(followUpTask, "lead-" + leadId, new FollowUp(tenantId, leadId),
 *         clock.instant().plus(Duration.ofDays(3)));
 * }</pre></li>
 *   <li>The task runs on a scheduler thread with no tenant bound: the handler rebinds the tenant it carries
 *       ({@code TenantContext.callAs(tenant, ...)}, the tenant looked up by id), like the recurring jobs do.</li>
 * </ol>
 */
package fr.macrea.max.jobs;
