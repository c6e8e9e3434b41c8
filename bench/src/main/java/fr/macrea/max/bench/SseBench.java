package fr.macrea.max.bench;

import fr.macrea.max.event.EventFanout;
import fr.macrea.max.event.EventPublishTimings;
import fr.macrea.max.event.TenantEvent;
import fr.macrea.max.security.NewUser;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.security.UserService;
import fr.macrea.max.tenant.NewTenant;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.shared.TenantId;
import fr.macrea.max.tenant.TenantService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongConsumer;

/**
 * {@code ./max bench sse}: N concurrent SSE subscribers of one tenant on one M.A.X. node (the real platform: HTTP
 * Basic security, feed table on MariaDB, fan-out, {@code /api/v1/events}), against a bare JDK SSE server, with the
 * same NIO client, in one run. Events are published one at a time at a fixed interval; every (event, subscriber)
 * delivery is a latency sample from just before publication to the moment the client reads it.
 */
public final class SseBench {

    record Tick(TenantId tenant, String type, String summary, Instant occurredAt, Map<String, Object> data)
            implements TenantEvent {
    }

    record Result(String name, int subscribers, int events, long expected, long[] latenciesNanos, long connectMillis) {
        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.clamp(index, 0, latenciesNanos.length - 1)] / 1_000_000.0;
        }

        long lost() {
            return expected - latenciesNanos.length;
        }

        String line() {
            return String.format(java.util.Locale.ROOT,
                    "%-8s subscribers=%d events=%d samples=%d lost=%d connect=%dms p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms",
                    name, subscribers, events, latenciesNanos.length, lost(), connectMillis, percentileMillis(50),
                    percentileMillis(90), percentileMillis(99), percentileMillis(100));
        }
    }

    private static final String EMAIL = "bench-sse@max.local";
    private static final String PASSWORD = "bench-sse-password";

    private SseBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq > 0) {
                options.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        int subscribers = Integer.parseInt(options.getOrDefault("subscribers", "5000"));
        int events = Integer.parseInt(options.getOrDefault("events", "60"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "20"));
        long intervalMillis = Long.parseLong(options.getOrDefault("interval", "500"));
        String dbHost = options.getOrDefault("db.host", env("MAX_IT_DB_HOST", "127.0.0.1"));
        String dbPort = options.getOrDefault("db.port", env("MAX_IT_DB_PORT", "3306"));
        String dbUser = options.getOrDefault("db.user", env("MAX_IT_DB_USER", "root"));
        String dbPassword = options.getOrDefault("db.password", env("MAX_IT_DB_PASSWORD", ""));
        String database = "max_bench_sse";
        String crmPrefix = "crm_benchsse_";
        String serverUrl = "jdbc:mysql://" + dbHost + ":" + dbPort + "/";
        String jdbcOptions = "?useUnicode=true&characterEncoding=utf8&allowPublicKeyRetrieval=true&useSSL=false";
        String authorization = "Basic " + Base64.getEncoder().encodeToString((EMAIL + ":" + PASSWORD).getBytes());

        System.out.printf("sse bench: %d subscribers on each server, %d measured events (+%d warm-up), "
                + "alternating between the servers every %d ms%n", subscribers, events, warmup, intervalMillis);

        recreateDatabase(serverUrl + jdbcOptions, dbUser, dbPassword, database, crmPrefix);
        SpringApplication application = new SpringApplication(SseBenchApplication.class);
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", serverUrl + database + jdbcOptions);
        properties.put("spring.datasource.username", dbUser);
        properties.put("spring.datasource.password", dbPassword);
        properties.put("max.tenancy.crm-schema-prefix", crmPrefix);
        properties.put("server.address", "127.0.0.1");
        properties.put("server.port", "0");
        properties.put("server.tomcat.max-connections", Integer.toString(subscribers + 2_000));
        properties.put("server.tomcat.accept-count", "2000");
        // one bench user holds every stream: lift the per-user and per-tenant caps (docs/events.md) above them
        properties.put("max.events.max-streams-per-user", Integer.toString(subscribers));
        properties.put("max.events.max-streams-per-tenant", Integer.toString(subscribers));
        // and they all sign in at once from 127.0.0.1: more parallel checks than the login throttle lets one
        // address run (docs/operations.md)
        properties.put("max.security.login.address-attempts", Integer.toString(subscribers));
        properties.put("max.security.login.account-attempts", Integer.toString(subscribers));
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.org.jooq", "ERROR");
        application.setDefaultProperties(properties);
        Result bare;
        Result max;
        try (BareServerProcess bareServer = new BareServerProcess(authorization);
             ConfigurableApplicationContext app = application.run()) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            TenantId tenant = tenantWithUser(app, serverUrl + database + jdbcOptions, dbUser, dbPassword);
            EventFanout fanout = app.getBean(EventFanout.class);
            ApplicationEventPublisher publisher = app;
            Target bareTarget = new Target("bare-jdk", bareServer.port(), "/events", bareServer::connections,
                    bareServer::broadcast);
            EventPublishTimings timings = app.getBean(EventPublishTimings.class);
            Target maxTarget = new Target("max", port, "/api/v1/events", () -> fanout.subscriberCount(tenant),
                    seq -> {
                        if (seq == warmup + 1) {
                            timings.reset(); // the split below covers the measured events only
                        }
                        publisher.publishEvent(new Tick(tenant, "bench.tick", "Mesure " + seq, Instant.now(),
                                Map.of("seq", seq)));
                    });
            Result[] both = measure(List.of(bareTarget, maxTarget), authorization, subscribers, events, warmup,
                    intervalMillis);
            EventPublishTimings.Summary split = timings.summary();
            // the publisher's side of a M.A.X. publication: store + commit in MariaDB, then the hand-off to the
            // fan-out (one enqueue: the per-subscriber work runs on the fan-out's own threads)
            System.out.printf(java.util.Locale.ROOT, "max: publish split over %d events: store+commit p50=%.2fms "
                            + "p99=%.2fms, fan-out hand-off p50=%.3fms p99=%.3fms%n", split.publications(),
                    split.storeP50(), split.storeP99(), split.handOffP50(), split.handOffP99());
            bare = both[0];
            max = both[1];
        } finally {
            dropDatabase(serverUrl + jdbcOptions, dbUser, dbPassword, database, crmPrefix);
        }
        System.out.println(bare.line());
        System.out.println(max.line());
        double ratio = max.percentileMillis(99) / bare.percentileMillis(99);
        System.out.printf(java.util.Locale.ROOT, "RESULT sse ratio=%.2f max_p99_ms=%.2f bare_p99_ms=%.2f "
                        + "subscribers=%d lost_max=%d lost_bare=%d (target ratio <= 2)%n",
                ratio, max.percentileMillis(99), bare.percentileMillis(99), subscribers, max.lost(), bare.lost());
        System.exit(max.lost() == 0 && bare.lost() == 0 ? 0 : 1);
    }

    record Target(String name, int port, String path, IntSupplier serverSubscribers, LongConsumer publish) {
    }

    /**
     * Connects every target's subscribers (all held at once), then publishes event N to each target in turn, half
     * an interval apart, so that the background load of the machine falls on both alike.
     */
    private static Result[] measure(List<Target> targets, String authorization, int subscribers, int events,
                                    int warmup, long intervalMillis) throws Exception {
        int lastSeq = warmup + events;
        List<SseLoadClient> clients = new ArrayList<>();
        long[] connectMillis = new long[targets.size()];
        long[][] publishNanos = new long[targets.size()][events];
        try {
            for (int t = 0; t < targets.size(); t++) {
                Target target = targets.get(t);
                SseLoadClient client = new SseLoadClient(target.port(), target.path(), authorization, subscribers, lastSeq);
                clients.add(client);
                long start = System.nanoTime();
                if (!client.connectAll(200, 600)) {
                    throw new IllegalStateException(target.name() + ": only some subscribers connected (refused: "
                            + client.refused() + ")");
                }
                connectMillis[t] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                awaitTrue(() -> target.serverSubscribers().getAsInt() >= subscribers, 120,
                        target.name() + ": server-side subscribers");
                System.out.printf("%s: %d subscribers connected in %d ms%n", target.name(), subscribers, connectMillis[t]);
            }
            long pause = Math.max(1, intervalMillis / targets.size());
            for (long seq = 1; seq <= lastSeq; seq++) {
                if (seq == warmup + 1) {
                    for (int t = 0; t < targets.size(); t++) {
                        SseLoadClient client = clients.get(t);
                        awaitTrue(() -> client.deliveries() >= (long) warmup * subscribers, 120,
                                targets.get(t).name() + ": warm-up deliveries");
                        client.measureFrom(warmup + 1, events * subscribers);
                    }
                }
                for (int t = 0; t < targets.size(); t++) {
                    clients.get(t).published(seq);
                    long before = System.nanoTime();
                    targets.get(t).publish().accept(seq);
                    if (seq > warmup) {
                        publishNanos[t][(int) (seq - warmup - 1)] = System.nanoTime() - before;
                    }
                    Thread.sleep(pause);
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (SseLoadClient client : clients) {
                while (client.measured() < (long) events * subscribers && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
            for (int t = 0; t < targets.size(); t++) {
                long[] calls = publishNanos[t].clone();
                Arrays.sort(calls);
                // for M.A.X. the call stores and commits the event in MariaDB, then hands it to the fan-out
                System.out.printf(java.util.Locale.ROOT, "%s: publish call p50=%.2fms p99=%.2fms%n", targets.get(t).name(),
                        calls[calls.length / 2] / 1e6, calls[Math.max(0, (int) Math.ceil(calls.length * 0.99) - 1)] / 1e6);
            }
            Result[] results = new Result[targets.size()];
            for (int t = 0; t < targets.size(); t++) {
                long[] latencies = clients.get(t).latencies();
                Arrays.sort(latencies);
                results[t] = new Result(targets.get(t).name(), subscribers, events, (long) events * subscribers,
                        latencies, connectMillis[t]);
            }
            return results;
        } finally {
            for (SseLoadClient client : clients) {
                client.close();
            }
        }
    }

    private static TenantId tenantWithUser(ConfigurableApplicationContext app, String url, String user, String password)
            throws Exception {
        TenantService tenants = app.getBean(TenantService.class);
        UserService users = app.getBean(UserService.class);
        Tenant tenant = SystemAuthentication.asPlatform(
                () -> tenants.create(new NewTenant("Bench SSE", "bench_sse", Plan.STUDIO, Set.of())));
        long userId = SystemAuthentication.asPlatform(() -> users.create(new NewUser(EMAIL, "Bench SSE", PASSWORD, false)));
        SystemAuthentication.asPlatform(() -> {
            users.grant(tenant.id(), userId, Role.TENANT_USER);
            return null;
        });
        // Each SSE connection authenticates with HTTP Basic. The production bcrypt cost (10) would make opening
        // 5 000 connections take minutes on 2 cores, and connection set-up is not what is measured: the bench user
        // gets a cost-4 bcrypt hash (same algorithm and code path, about 1 ms per check).
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement update = c.prepareStatement("UPDATE app_user SET password_hash = ? WHERE id = ?")) {
            update.setString(1, "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD));
            update.setLong(2, userId);
            update.executeUpdate();
        }
        return tenant.id();
    }

    private static void recreateDatabase(String url, String user, String password, String database, String crmPrefix)
            throws Exception {
        dropDatabase(url, user, password, database, crmPrefix);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    private static void dropDatabase(String url, String user, String password, String database, String crmPrefix)
            throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            List<String> drop = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SHOW DATABASES")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (name.equals(database) || name.startsWith(crmPrefix)) {
                        drop.add(name);
                    }
                }
            }
            for (String name : drop) {
                s.execute("DROP DATABASE IF EXISTS `" + name + "`");
            }
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, int seconds, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
