package fr.macrea.max.testing;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.mysql.MySQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The real MariaDB (or MySQL) that integration tests run against: one uniquely named database per test JVM, and a
 * per-run prefix for tenant CRM schemas, all dropped when the JVM ends, so two runs never collide.
 * <p>
 * {@code ./max test} points {@code MAX_IT_DB_HOST}/{@code MAX_IT_DB_PORT}/{@code MAX_IT_DB_USER}/
 * {@code MAX_IT_DB_PASSWORD} at the machine's MariaDB (default 127.0.0.1:3306, root, no password). Where no
 * MariaDB is installed but a Docker engine runs, it sets {@code MAX_IT_DB=testcontainers} and a MySQL 8
 * container is started once per test JVM instead.
 */
public final class TestDatabase {

    private static final String RUN_ID = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36,
            36L * 36 * 36 * 36 * 36 * 36), 36).toLowerCase(Locale.ROOT);
    public static final String DATABASE = "max_it_" + RUN_ID;
    public static final String CRM_SCHEMA_PREFIX = "crm_it" + RUN_ID + "_";

    private static volatile boolean created;
    private static final java.util.concurrent.atomic.AtomicInteger OWN_CONTEXTS = new java.util.concurrent.atomic.AtomicInteger();
    private static MySQLContainer container;

    private TestDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        ensureCreated();
        registry.add("spring.datasource.url", () -> url(DATABASE));
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
        registry.add("max.tenancy.crm-schema-prefix", () -> CRM_SCHEMA_PREFIX);
    }

    public static String url(String database) {
        String host = container != null ? container.getHost() : env("MAX_IT_DB_HOST", "127.0.0.1");
        String port = container != null ? String.valueOf(container.getMappedPort(3306)) : env("MAX_IT_DB_PORT", "3306");
        return "jdbc:mysql://" + host + ":" + port + "/" + database
                + "?useUnicode=true&characterEncoding=utf8&allowPublicKeyRetrieval=true&useSSL=false";
    }

    public static String user() {
        return container != null ? "root" : env("MAX_IT_DB_USER", "root");
    }

    public static String password() {
        return container != null ? container.getPassword() : env("MAX_IT_DB_PASSWORD", "");
    }

    /** A plain JDBC connection to the test database, for assertions that bypass the application. */
    public static Connection connect() throws SQLException {
        ensureCreated();
        return DriverManager.getConnection(url(DATABASE), user(), password());
    }

    /**
     * A database of this run for one test alone ({@code <DATABASE>_<suffix>}, created empty, dropped with the run's):
     * for tests whose application contexts must not share the platform tables with the other tests' cached contexts
     * (whose job schedulers, for one, poll the same {@code scheduled_tasks}).
     */
    public static synchronized String own(String suffix) {
        ensureCreated();
        String database = DATABASE + "_" + suffix;
        try (Connection c = DriverManager.getConnection(url(""), user(), password()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
            s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + database, e);
        }
        return database;
    }

    /**
     * Registers a database of this run for one context alone ({@link #own}): its job scheduler is then the only one
     * polling its {@code scheduled_tasks} (the other tests' cached contexts, some with test doubles of the CRM,
     * would otherwise run its tasks).
     */
    public static void registerOwn(DynamicPropertyRegistry registry, String suffix) {
        // one per context: two contexts of one test base (a subclass with its own web environment) must not drop
        // each other's database
        String database = own(suffix + "_" + OWN_CONTEXTS.incrementAndGet());
        registry.add("spring.datasource.url", () -> url(database));
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
        registry.add("max.tenancy.crm-schema-prefix", () -> CRM_SCHEMA_PREFIX);
    }

    /** A plain JDBC connection to one of this run's databases. */
    public static Connection connect(String database) throws SQLException {
        ensureCreated();
        return DriverManager.getConnection(url(database), user(), password());
    }

    private static synchronized void ensureCreated() {
        if (created) {
            return;
        }
        if ("testcontainers".equals(env("MAX_IT_DB", "local"))) {
            container = new MySQLContainer("mysql:8.4").withUsername("root").withPassword("max-it");
            container.start();
        }
        try (Connection c = DriverManager.getConnection(url(""), user(), password()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + DATABASE + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Integration tests need MariaDB/MySQL at " + url("")
                    + " (./max test starts the local MariaDB): " + e.getMessage(), e);
        }
        created = true;
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropAll, "drop-test-databases"));
    }

    private static void dropAll() {
        try (Connection c = DriverManager.getConnection(url(""), user(), password()); Statement s = c.createStatement()) {
            List<String> databases = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SHOW DATABASES")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (name.equals(DATABASE) || name.startsWith(DATABASE + "_") || name.startsWith(CRM_SCHEMA_PREFIX)) {
                        databases.add(name);
                    }
                }
            }
            for (String name : databases) {
                s.execute("DROP DATABASE IF EXISTS `" + name + "`");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop the test databases of run " + RUN_ID + ": " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
