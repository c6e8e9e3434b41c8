package fr.macrea.max.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * What H2's {@code WRITE_DELAY=0} (a commit written to the file before it returns, the embedded default since issue
 * 10) costs against H2's default (writes batched every 500 ms): wallet-shaped transactions (one conditional
 * UPDATE of a balance and one ledger INSERT, then COMMIT) on an H2 file database, with 1 and 8 clients, rounds of
 * the two settings interleaved in the same run. Prints {@code RESULT h2-durability ratio=<durable/delayed>} for
 * the 8-client case (commits per second; the closer to 1, the cheaper durability is).
 */
final class H2DurabilityBench {

    private static final String OPTIONS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";

    private H2DurabilityBench() {
    }

    static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("max-bench-h2");
        double lastRatio = 0;
        for (int clients : new int[] {1, 8}) {
            double durable = 0;
            double delayed = 0;
            for (int round = 1; round <= rounds; round++) {
                double d = run(dir, "durable" + clients + "_" + round, OPTIONS + ";WRITE_DELAY=0", clients, seconds);
                double l = run(dir, "delayed" + clients + "_" + round, OPTIONS, clients, seconds);
                System.out.printf("round %d clients=%d durable=%.0f commits/s delayed=%.0f commits/s%n",
                        round, clients, d, l);
                durable += d;
                delayed += l;
            }
            lastRatio = durable / delayed;
            System.out.printf("clients=%d durable/delayed=%.2f%n", clients, lastRatio);
        }
        System.out.printf("RESULT h2-durability ratio=%.2f%n", lastRatio);
    }

    private static double run(Path dir, String name, String options, int clients, double seconds) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve(name) + options;
        try (Connection setup = DriverManager.getConnection(url, "sa", "");
             Statement s = setup.createStatement()) {
            s.execute("CREATE TABLE wallet (id INT PRIMARY KEY, balance BIGINT NOT NULL)");
            s.execute("CREATE TABLE ledger (id BIGINT AUTO_INCREMENT PRIMARY KEY, wallet_id INT, amount BIGINT)");
            s.execute("INSERT INTO wallet VALUES (1, 9223372036854775807)");
            LongAdder commits = new LongAdder();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                threads.add(Thread.ofPlatform().start(() -> spend(url, stop, commits)));
            }
            Thread.sleep((long) (seconds * 1000));
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
            return commits.sum() / seconds;
        }
    }

    private static void spend(String url, AtomicBoolean stop, LongAdder commits) {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             PreparedStatement debit = c.prepareStatement(
                     "UPDATE wallet SET balance = balance - 1 WHERE id = 1 AND balance >= 1");
             PreparedStatement ledger = c.prepareStatement("INSERT INTO ledger (wallet_id, amount) VALUES (1, -1)")) {
            c.setAutoCommit(false);
            while (!stop.get()) {
                debit.executeUpdate();
                ledger.executeUpdate();
                c.commit();
                commits.increment();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
