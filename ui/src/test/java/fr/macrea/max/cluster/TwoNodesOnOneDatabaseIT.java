package fr.macrea.max.cluster;

import fr.macrea.max.testing.Await;
import fr.macrea.max.ui.SignedInRequests;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import fr.macrea.max.action.ActionLogEntry;
import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.ActionRequest;
import fr.macrea.max.action.ActionService;
import fr.macrea.max.action.ActionStatus;
import fr.macrea.max.brain.BrainActivationService;
import fr.macrea.max.brain.BrainCatalog;
import fr.macrea.max.brain.BrainManager;
import fr.macrea.max.brain.LoadedBrain;
import fr.macrea.max.brain.TenantBrain;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.event.EventFanout;
import fr.macrea.max.event.FeedEvent;
import fr.macrea.max.event.RedisEventFanout;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.NewUser;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.security.UserService;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestDatabase;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.event.ActivityView;
import fr.macrea.max.wallet.PriceTableService;
import fr.macrea.max.wallet.WalletAudit;
import fr.macrea.max.wallet.WalletService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two M.A.X. nodes on one database (issue 15, part 3): two real application contexts of the ui module in this JVM,
 * each with its own Tomcat port, connection pool, scheduler and brains watcher, on ONE fresh MariaDB database and the
 * machine's Redis (event relay on, on a channel of this run). Short wallet TTL and sweeper intervals, so that a dead
 * node's leftovers are repaired within seconds. The cases run in order; the last one kills node A.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesOnOneDatabaseIT {

    private static final URI REDIS = URI.create(System.getenv().getOrDefault("MAX_IT_REDIS_URL", "redis://127.0.0.1:6379"));
    private static final Duration RESERVATION_TTL = Duration.ofSeconds(8);
    /** Two scans of the brains folder and a margin: how stale a node's copy of the brain switches may be. */
    private static final Duration SCAN_BOUND = Duration.ofMillis(2 * 500 + 1000);
    private static final Routes ROUTES = new Routes().autoDiscoverViews("fr.macrea.max.ui");

    private static Path sharedBrains;
    private static String database;
    private static ClusterNode a;
    private static ClusterNode b;

    @BeforeAll
    static void twoNodesOnOneDatabase() throws Exception {
        assumeTrue(redisReachable(), "Redis is not running at " + REDIS);
        // a database of their own: the other tests' cached contexts poll the run's scheduled_tasks with their own
        // settings and would run the two nodes' sweepers on their own schedule
        database = TestDatabase.own("two_nodes");
        sharedBrains = Files.createTempDirectory("two-nodes-brains");
        String channel = "max:events:it:" + UUID.randomUUID();
        // started together on the empty database, as docker compose up starts them: both run Flyway (the platform
        // schema and then each tenant's CRM schema) and register the cluster jobs at the same time
        Map<String, String> propertiesA = nodeProperties("node-a", channel);
        Map<String, String> propertiesB = nodeProperties("node-b", channel);
        ExecutorService starting = Executors.newFixedThreadPool(2); // one thread each (the common pool may have one)
        Future<ClusterNode> startingA = starting.submit(() -> ClusterNode.start("node-a", propertiesA, ClusterTestBeans.class));
        Future<ClusterNode> startingB = starting.submit(() -> ClusterNode.start("node-b", propertiesB, ClusterTestBeans.class));
        starting.shutdown();
        a = startingA.get(5, TimeUnit.MINUTES);
        b = startingB.get(5, TimeUnit.MINUTES);
        // the JVM-wide security strategy holder is the one of the node that finished starting last; make it node B's,
        // whose HTTP requests read it (one context per JVM in production)
        b.context.getBeanProvider(SecurityContextHolderStrategy.class).ifUnique(SecurityContextHolder::setContextHolderStrategy);
        for (ClusterNode node : List.of(a, b)) {
            assertThat(node.bean(EventFanout.class)).as(node.name + " relays events over Redis")
                    .isInstanceOf(RedisEventFanout.class);
            assertThat(((RedisEventFanout) node.bean(EventFanout.class)).awaitSubscribed(Duration.ofSeconds(20)))
                    .as(node.name + " listens to the event channel").isTrue();
        }
        assertThat(a.port).isPositive().isNotEqualTo(b.port);
    }

    private static Map<String, String> nodeProperties(String node, String channel) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("server.port", "0");
        p.put("spring.datasource.url", TestDatabase.url(database));
        p.put("spring.datasource.username", TestDatabase.user());
        p.put("spring.datasource.password", TestDatabase.password());
        p.put("spring.datasource.hikari.maximum-pool-size", "24");
        p.put("max.tenancy.crm-schema-prefix", TestDatabase.CRM_SCHEMA_PREFIX);
        p.put("max.demo.enabled", "false");
        p.put("max.events.fanout", "redis");
        p.put("max.events.redis-url", REDIS.toString());
        p.put("max.events.redis-channel", channel);
        // the same jar folder for both nodes (a shared volume), each node's own inspection cache (docker-compose.yml)
        p.put("max.brains.dir", sharedBrains.toString());
        p.put("max.brains.inspection.cache-dir", Files.createTempDirectory("brains-cache-" + node).toString());
        p.put("max.brains.scan-interval", "500ms");
        p.put("max.brains.trust.allow-unsigned", "false");
        p.put("max.wallet.reservation-ttl", RESERVATION_TTL.toString());
        p.put("max.action.timeout", "PT6S");
        p.put("max.wallet.sweeper.interval", "PT1S");
        p.put("max.wallet.sweeper.initial-delay", "PT1S");
        p.put("max.crm.sync.scheduled", "false");
        p.put("db-scheduler.scheduler-name", node);
        p.put("db-scheduler.polling-interval", "PT0.2S");
        p.put("db-scheduler.shutdown-max-wait", "PT1S");
        // a job the dead node had picked is free again after 1 s x 4 missed heartbeats
        p.put("db-scheduler.heartbeat-interval", "PT1S");
        p.put("db-scheduler.missed-heartbeats-limit", "4");
        return p;
    }

    @AfterAll
    static void stopNodes() {
        for (ClusterNode node : new ClusterNode[] {a, b}) {
            if (node != null) {
                try {
                    node.close();
                } catch (RuntimeException e) {
                    System.err.println("stopping " + node.name + ": " + e);
                }
            }
        }
    }

    // ---- 1. events

    @Test
    @Order(1)
    void aLeadCreatedOnNodeAReachesAnSseClientAndTheActivityViewOfNodeB() throws Exception {
        Tenant tenant = TestTenants.create(a.bean(TenantService.class), "Flux deux noeuds", Plan.PRO);
        String email = "noeuds" + ThreadLocalRandom.current().nextInt(1_000_000_000) + "@test.fr";
        SystemAuthentication.asPlatform(() -> {
            UserService users = a.bean(UserService.class);
            long id = users.create(new NewUser(email, "Abonnée SSE", "motdepasse-noeuds", false));
            users.grant(tenant.id(), id, Role.TENANT_USER);
            return id;
        });

        // an API client follows the stream on node B
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String basic = Base64.getEncoder().encodeToString((email + ":motdepasse-noeuds").getBytes(StandardCharsets.UTF_8));
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + b.port + "/api/v1/events"))
                .header("Authorization", "Basic " + basic).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        BlockingQueue<String> sseData = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (Stream<String> lines = stream.body()) {
                lines.filter(l -> l.startsWith("data:")).forEach(sseData::add);
            } catch (java.io.UncheckedIOException closed) {
                // the test is over and hung up
            }
        });

        // a user has the activity view open in a Vaadin session of node B
        MaxPrincipal viewer = TestTenants.member(tenant, Role.TENANT_USER);
        openVaadinOn(b, viewer);
        try {
            UI.getCurrent().navigate(ActivityView.class);
            assertThat(feedItems()).isEmpty();

            // on node A, a user creates a lead: the CRM service publishes crm.lead.created
            MaxPrincipal writer = TestTenants.member(tenant, Role.TENANT_USER);
            String leadId = ClusterNode.as(writer, () -> a.bean(CrmGateway.class).create("Lead",
                    Map.of("firstName", "Inès", "lastName", "Deux-Nœuds", "status", "New"), true));

            List<String> seen = new ArrayList<>();
            awaitData(sseData, seen, leadId);
            assertThat(seen).filteredOn(d -> d.contains(leadId)).singleElement().asString()
                    .as("the SSE client of node B got the event of node A")
                    .contains("\"type\":\"crm.lead.created\"");
            ClusterNode.as(viewer, () -> awaitUi(() -> feedItems().stream()
                    .anyMatch(e -> e.type().equals("crm.lead.created") && leadId.equals(e.data().get("id")))));

            // a second lead is a marker: a copy of the first event would have come before it (one channel, in order)
            String marker = ClusterNode.as(writer, () -> a.bean(CrmGateway.class).create("Lead",
                    Map.of("firstName", "Marc", "lastName", "Marqueur", "status", "New"), true));
            awaitData(sseData, seen, marker);
            ClusterNode.as(viewer, () -> awaitUi(() -> feedItems().stream().anyMatch(e -> marker.equals(e.data().get("id")))));
            assertThat(seen).as("each event once on node B's stream").filteredOn(d -> d.contains(leadId)).hasSize(1);
            assertThat(feedItems()).as("each event once in node B's activity view")
                    .filteredOn(e -> leadId.equals(e.data().get("id"))).hasSize(1);
        } finally {
            MockVaadin.tearDown();
            TestTenants.signOut();
            reader.interrupt();
        }
    }

    // ---- 2. one wallet, two nodes

    @Test
    @Order(2)
    void thirtyTwoClientsSpendingOneWalletThroughBothNodesNeverOverdrawAndConserveEveryToken() throws Exception {
        Tenant tenant = TestTenants.create(a.bean(TenantService.class), "Portefeuille deux noeuds", Plan.PRO);
        int price = 3;
        SystemAuthentication.asPlatform(() -> {
            a.bean(WalletService.class).topUp(tenant.id(), 1, UUID.randomUUID().toString());
            return a.bean(PriceTableService.class).setPrice(tenant.id(), ClusterTestBeans.SPEND, price);
        });
        MaxPrincipal user = TestTenants.member(tenant, Role.TENANT_USER);
        long initial = ClusterNode.as(user, () -> (long) b.bean(WalletService.class).balance().total());
        assertThat(initial).isEqualTo(1000);

        // 32 clients, half on each node, each spending until the wallet refuses it twice; one run in five fails
        // (and is refunded by the node that ran it)
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Map<ActionStatus, Integer>>> clients = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            ClusterNode node = i % 2 == 0 ? a : b;
            clients.add(pool.submit(() -> {
                start.await();
                return ClusterNode.as(user, () -> {
                    Map<ActionStatus, Integer> outcomes = new java.util.EnumMap<>(ActionStatus.class);
                    ActionService actions = node.bean(ActionService.class);
                    int refusals = 0;
                    for (int attempt = 0; attempt < 60 && refusals < 2; attempt++) {
                        boolean fail = ThreadLocalRandom.current().nextInt(5) == 0;
                        ActionOutcome<Object> outcome = actions.run(ActionRequest.of(ClusterTestBeans.SPEND,
                                new ClusterTestBeans.SpendAction.Params(fail), UUID.randomUUID().toString()));
                        outcomes.merge(outcome.status(), 1, Integer::sum);
                        if (outcome.status() == ActionStatus.REFUSED) {
                            refusals++;
                        }
                    }
                    return outcomes;
                });
            }));
        }
        start.countDown();
        Map<ActionStatus, Integer> total = new java.util.EnumMap<>(ActionStatus.class);
        for (Future<Map<ActionStatus, Integer>> client : clients) {
            client.get(5, TimeUnit.MINUTES).forEach((status, n) -> total.merge(status, n, Integer::sum));
        }
        pool.shutdown();

        int completed = total.getOrDefault(ActionStatus.COMPLETED, 0);
        int failed = total.getOrDefault(ActionStatus.FAILED, 0);
        assertThat(total.getOrDefault(ActionStatus.REFUSED, 0)).as("the wallet ran dry under the load").isPositive();
        assertThat(failed).as("some runs failed and were refunded").isPositive();
        for (ClusterNode node : List.of(a, b)) {
            WalletAudit audit = ClusterNode.as(user, () -> node.bean(WalletService.class).audit());
            assertThat(audit.balance()).as("seen from " + node.name + ": never overdrawn").isBetween(0L, (long) price - 1);
            assertThat(audit.consistent()).as("seen from " + node.name + ": balance = ledger sum").isTrue();
            assertThat(audit.held()).as("nothing left held").isZero();
            assertThat(initial - audit.balance()).as("exactly the completed runs were charged")
                    .isEqualTo((long) completed * price);
        }
        assertThat(sql("SELECT COALESCE(SUM(amount), 0) FROM wallet_reservation WHERE tenant_id = ? AND status = 'COMMITTED'",
                tenant.id().value())).as("tokens charged = reservations committed").isEqualTo((long) completed * price);
        assertThat(sql("SELECT COUNT(*) FROM wallet_reservation WHERE tenant_id = ? AND status = 'COMMITTED'",
                tenant.id().value())).isEqualTo(completed);
        assertThat(sql("SELECT COUNT(*) FROM wallet_reservation WHERE tenant_id = ? AND status = 'REFUNDED'",
                tenant.id().value())).as("each failed run refunded once").isEqualTo(failed);
        assertThat(sql("SELECT COUNT(*) FROM action_log WHERE tenant_id = ? AND status = 'COMPLETED'",
                tenant.id().value())).isEqualTo(completed);
    }

    // ---- 3. cluster jobs

    @Test
    @Order(3)
    void aRecurringClusterJobRunsOncePerDueTimeAcrossTheTwoNodes() {
        for (ClusterNode node : List.of(a, b)) {
            assertThat(node.bean(Scheduler.class).getSchedulerState().isStarted()).as(node.name + " polls").isTrue();
        }
        long watchFrom = System.nanoTime();
        int before = ClusterTestBeans.PROBE_RUNS.size();
        Await.until(() -> ClusterTestBeans.PROBE_RUNS.size() >= before + 8, Duration.ofSeconds(40));
        long watched = System.nanoTime() - watchFrom;

        List<ClusterTestBeans.ProbeRun> runs = List.copyOf(ClusterTestBeans.PROBE_RUNS);
        Map<Instant, Long> runsPerDueTime = runs.stream()
                .collect(Collectors.groupingBy(ClusterTestBeans.ProbeRun::due, Collectors.counting()));
        assertThat(runsPerDueTime.values()).as("runs per due time").containsOnly(1L);
        assertThat(ClusterTestBeans.PROBE_OVERLAPS.get()).as("runs that overlapped (picked by both nodes)").isZero();
        // each run starts after the previous one ended (fixed delay of 1 s, stored to the second): two nodes each
        // running the job on its own would make about twice as many runs as seconds watched
        long seconds = TimeUnit.NANOSECONDS.toSeconds(watched) + 1;
        assertThat(runs.size() - before).as("runs in %d s", seconds).isLessThanOrEqualTo((int) seconds + 1);
        assertThat(sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?", ClusterTestBeans.PROBE_JOB))
                .as("one row for the cluster").isEqualTo(1);
        System.out.println("probe job runs per node: " + runs.stream()
                .collect(Collectors.groupingBy(ClusterTestBeans.ProbeRun::node, Collectors.counting())));
    }

    // ---- 4. brains

    @Test
    @Order(4)
    void aBrainDroppedInTheSharedFolderIsLoadedByBothNodesAndItsActivationIsTheSameOnBoth() throws Exception {
        String id = "coaching";
        for (ClusterNode node : List.of(a, b)) {
            assertThat(node.bean(BrainManager.class).find(id)).as("no " + id + " on " + node.name + " yet").isEmpty();
        }
        drop(builtBrain(id), sharedBrains);
        Await.until(() -> a.bean(BrainManager.class).isAvailable(id)
                && b.bean(BrainManager.class).isAvailable(id), Duration.ofSeconds(90));
        assertThat(a.bean(BrainManager.class).find(id).map(LoadedBrain::version))
                .isEqualTo(b.bean(BrainManager.class).find(id).map(LoadedBrain::version));

        Tenant tenant = TestTenants.create(a.bean(TenantService.class), "Cerveau deux noeuds", Plan.PRO);
        MaxPrincipal user = TestTenants.member(tenant, Role.TENANT_USER);
        Function<ClusterNode, List<String>> seenByTenant = node -> ClusterNode.as(user,
                () -> node.bean(BrainCatalog.class).activeBrains().stream().map(LoadedBrain::id).toList());
        Function<ClusterNode, Boolean> consoleSaysActive = node -> SystemAuthentication.asPlatform(
                () -> node.bean(BrainActivationService.class).brainsOf(tenant.id()).stream()
                        .filter(t -> t.id().equals(id)).findFirst().map(TenantBrain::active).orElse(false));
        assertThat(seenByTenant.apply(b)).doesNotContain(id);

        // a platform admin activates it on node A: node B shows it active, in the console and to the tenant
        SystemAuthentication.asPlatform(() -> {
            a.bean(BrainActivationService.class).activate(tenant.id(), id);
            return null;
        });
        assertThat(consoleSaysActive.apply(b)).isTrue();
        assertThat(seenByTenant.apply(b)).contains(id);

        // deactivated on node B: gone on node A at once
        SystemAuthentication.asPlatform(() -> {
            b.bean(BrainActivationService.class).deactivate(tenant.id(), id);
            return null;
        });
        assertThat(consoleSaysActive.apply(a)).isFalse();
        assertThat(seenByTenant.apply(a)).doesNotContain(id);

        // switched off for every tenant on node A (activation kept): node B hides it too
        SystemAuthentication.asPlatform(() -> {
            a.bean(BrainActivationService.class).activate(tenant.id(), id);
            a.bean(BrainManager.class).disable(id);
            return null;
        });
        assertThat(seenByTenant.apply(a)).as("at once on the node that switched it off").doesNotContain(id);
        // the other node reads the switches at its next folder scan (max.brains.scan-interval, 500 ms here)
        Await.until(() -> !seenByTenant.apply(b).contains(id), SCAN_BOUND);
        SystemAuthentication.asPlatform(() -> {
            b.bean(BrainManager.class).enable(id);
            return null;
        });
        assertThat(seenByTenant.apply(b)).contains(id);
        Await.until(() -> seenByTenant.apply(a).contains(id), SCAN_BOUND);
    }

    // ---- 5. a node dies mid-action

    @Test
    @Order(5)
    void whenNodeADiesMidActionNodeBsSweepersRefundTheTokensAndFailTheAction() throws Exception {
        Tenant tenant = TestTenants.create(a.bean(TenantService.class), "Panne deux noeuds", Plan.PRO);
        int price = 7;
        SystemAuthentication.asPlatform(() -> a.bean(PriceTableService.class).setPrice(tenant.id(), ClusterTestBeans.HOLD, price));
        MaxPrincipal user = TestTenants.member(tenant, Role.TENANT_USER);
        int initial = ClusterNode.as(user, () -> b.bean(WalletService.class).balance().total());
        // node A will also die in the middle of a cluster job
        ClusterTestBeans.STALL_PROBE_ON_A.set(true);
        assertThat(ClusterTestBeans.PROBE_STALLED.poll(60, TimeUnit.SECONDS)).as("node A runs the probe job").isEqualTo("node-a");

        CompletableFuture<ActionOutcome<Object>> onA = CompletableFuture.supplyAsync(() -> ClusterNode.as(user,
                () -> a.bean(ActionService.class).run(ActionRequest.of(ClusterTestBeans.HOLD,
                        new ClusterTestBeans.HoldAction.Params("panne"), "hold-" + UUID.randomUUID()))));
        assertThat(ClusterTestBeans.HOLDING.poll(30, TimeUnit.SECONDS)).as("the action runs on node A").isEqualTo("node-a");

        a.kill();
        long killedAt = System.nanoTime();
        // right after the crash, node B sees what node A left: tokens held, the action running
        WalletAudit left = ClusterNode.as(user, () -> b.bean(WalletService.class).audit());
        assertThat(left.held()).isEqualTo(price);
        assertThat(left.balance()).isEqualTo(initial - price);
        assertThat(ClusterNode.as(user, () -> onlyAction(b)).status()).isEqualTo(ActionStatus.RUNNING);
        a.close();
        Await.until(onA::isDone, Duration.ofSeconds(30));
        assertThat(onA).as("node A never finished the action").isCompletedExceptionally();

        // node B's sweepers repair it once the reservation expires
        Await.until(() -> ClusterNode.as(user, () -> onlyAction(b)).status() == ActionStatus.FAILED
                && ClusterNode.as(user, () -> b.bean(WalletService.class).audit()).held() == 0, RESERVATION_TTL.plusSeconds(60));
        WalletAudit repaired = ClusterNode.as(user, () -> b.bean(WalletService.class).audit());
        assertThat(repaired.balance()).as("the tokens are back").isEqualTo(initial);
        assertThat(repaired.consistent()).isTrue();
        ActionLogEntry action = ClusterNode.as(user, () -> onlyAction(b));
        assertThat(action.reason().key()).isEqualTo("action.sweeper.interrupted");
        assertThat(sql("SELECT COUNT(*) FROM wallet_reservation WHERE tenant_id = ? AND status = 'EXPIRED'",
                tenant.id().value())).as("refunded by the sweeper, once").isEqualTo(1);

        // the job node A had picked is not lost: once A's heartbeats stop, node B runs it again
        Await.until(() -> ClusterTestBeans.PROBE_RUNS.stream()
                .anyMatch(r -> r.node().equals("node-b") && r.startNanos() > killedAt), Duration.ofSeconds(60));
    }

    // ---- helpers

    /** Reads SSE data lines into {@code seen} until one contains {@code text} (20 s at most). */
    private static void awaitData(BlockingQueue<String> lines, List<String> seen, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (seen.stream().noneMatch(d -> d.contains(text))) {
            long left = deadline - System.nanoTime();
            assertThat(left).as("an SSE event containing " + text + " within 20 s; got " + seen).isPositive();
            String line = lines.poll(left, TimeUnit.NANOSECONDS);
            if (line != null) {
                seen.add(line);
            }
        }
    }

    private static ActionLogEntry onlyAction(ClusterNode node) {
        List<ActionLogEntry> log = node.bean(ActionService.class).log(10);
        assertThat(log).hasSize(1);
        return log.getFirst();
    }

    private static void openVaadinOn(ClusterNode node, MaxPrincipal principal) {
        SignedInRequests.install();
        // the Vaadin session of node B: node B's security strategy is the global one while it runs
        node.context.getBeanProvider(SecurityContextHolderStrategy.class).ifUnique(SecurityContextHolder::setContextHolderStrategy);
        TestTenants.signIn(principal);
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, node.context, UI::new));
    }

    @SuppressWarnings("unchecked")
    private static List<FeedEvent> feedItems() {
        Grid<FeedEvent> grid = _get(Grid.class, spec -> spec.withId("activity-grid"));
        return grid.getListDataView().getItems().toList();
    }

    /** Runs the UI's pending push work (what the WebSocket would carry) until the condition holds. */
    private static boolean awaitUi(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            MockVaadin.runUIQueue();
            if (condition.getAsBoolean()) {
                return true;
            }
            sleep(20);
        }
        MockVaadin.runUIQueue();
        assertThat(condition.getAsBoolean()).as("UI condition within 20 s").isTrue();
        return true;
    }

    private static Path builtBrain(String module) throws IOException {
        Path target = Path.of("..", "brains", module, "target").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("brain-" + module + "-[0-9.]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no built jar in " + target));
        }
    }

    /** Copies the jar in under a name the watcher ignores, then renames it: no node ever reads half a jar. */
    private static void drop(Path jar, Path folder) throws IOException {
        Path part = Files.copy(jar, folder.resolve(jar.getFileName() + ".part"), StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, folder.resolve(jar.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }

    private static long sql(String query, Object parameter) {
        try (Connection c = TestDatabase.connect(database); PreparedStatement s = c.prepareStatement(query)) {
            s.setObject(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean redisReachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(REDIS.getHost(), REDIS.getPort()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
