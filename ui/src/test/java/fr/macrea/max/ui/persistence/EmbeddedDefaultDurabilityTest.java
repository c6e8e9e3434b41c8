package fr.macrea.max.ui.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default (H2 file database, {@code application.properties}) keeps what it committed when the process
 * dies right after the commit, as a {@code kill -9} does: a wallet spend acknowledged to a user must not vanish in
 * H2's recovery. A child JVM opens the database with the product's own URL, commits rows one by one, and halts
 * without any shutdown at once after the last commit; the parent reopens the file and finds every row.
 */
class EmbeddedDefaultDurabilityTest {

    private static final int COMMITS = 50;

    @TempDir
    Path dir;

    @Test
    void what_the_embedded_default_committed_survives_a_process_crash_right_after_the_commit() throws Exception {
        String url = productUrl().replace("./data/max", dir.resolve("max").toString());

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CommitThenCrash.class.getName(), url)
                .redirectErrorStream(true).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(output).isEqualTo(CommitThenCrash.CRASH_CODE);
        assertThat(output).contains("committed " + COMMITS);

        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM spend")) {
            r.next();
            assertThat(r.getInt(1)).as("spends committed before the crash").isEqualTo(COMMITS);
            assertThat(r.getLong(2)).isEqualTo(COMMITS * 7L);
        }
    }

    private static String productUrl() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = EmbeddedDefaultDurabilityTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String url = properties.getProperty("spring.datasource.url");
        assertThat(url).as("the embedded default is an H2 file database").startsWith("jdbc:h2:file:./data/max");
        return url;
    }

    /** The child: commits spends one transaction at a time, then dies without closing anything. */
    public static final class CommitThenCrash {
        static final int CRASH_CODE = 9;

        public static void main(String[] args) throws SQLException {
            Connection c = DriverManager.getConnection(args[0], "sa", "");
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE spend (id INT PRIMARY KEY, amount INT NOT NULL)");
            }
            c.setAutoCommit(false);
            for (int i = 1; i <= COMMITS; i++) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO spend VALUES (" + i + ", 7)");
                }
                c.commit();
            }
            System.out.println("committed " + COMMITS);
            System.out.flush();
            Runtime.getRuntime().halt(CRASH_CODE);
        }
    }
}
