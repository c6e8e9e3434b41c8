package fr.macrea.max.wallet;

import fr.macrea.max.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A deliberately naive wallet, kept to prove that the invariant test catches the classic bug: it reads the
 * balance, checks it in Java, then writes the computed value back. Under concurrency two spenders read the same
 * balance and one update is lost (or the wallet is overdrawn), while the ledger records both spends.
 */
final class NaiveWallet implements SpendingWallet {

    private final String table;

    NaiveWallet(String suffix, long initial) throws SQLException {
        this.table = "naive_wallet_" + suffix;
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, balance BIGINT NOT NULL)");
            s.execute("CREATE TABLE " + table + "_ledger (id BIGINT AUTO_INCREMENT PRIMARY KEY, delta INT NOT NULL)");
            s.execute("INSERT INTO " + table + " VALUES (1, " + initial + ")");
            s.execute("INSERT INTO " + table + "_ledger (delta) VALUES (" + initial + ")");
        }
    }

    @Override
    public int spend(int amount, boolean failAfterReserve) {
        try (Connection c = TestDatabase.connect()) {
            long balance;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT balance FROM " + table + " WHERE id = 1")) {
                rs.next();
                balance = rs.getLong(1);
            }
            if (balance < amount) {
                return 0;
            }
            Thread.yield(); // the window every real system has between the read and the write
            try (PreparedStatement p = c.prepareStatement("UPDATE " + table + " SET balance = ? WHERE id = 1")) {
                p.setLong(1, balance - amount);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + "_ledger (delta) VALUES (?)")) {
                p.setInt(1, -amount);
                p.executeUpdate();
            }
            if (failAfterReserve) {
                try (Connection c2 = TestDatabase.connect(); Statement s = c2.createStatement();
                     ResultSet rs = s.executeQuery("SELECT balance FROM " + table + " WHERE id = 1")) {
                    rs.next();
                    long now = rs.getLong(1);
                    try (PreparedStatement p = c2.prepareStatement("UPDATE " + table + " SET balance = ? WHERE id = 1")) {
                        p.setLong(1, now + amount);
                        p.executeUpdate();
                    }
                    try (PreparedStatement p = c2.prepareStatement("INSERT INTO " + table + "_ledger (delta) VALUES (?)")) {
                        p.setInt(1, amount);
                        p.executeUpdate();
                    }
                }
                return 0;
            }
            return amount;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long balance() {
        return query("SELECT balance FROM " + table + " WHERE id = 1");
    }

    @Override
    public long ledgerSum() {
        return query("SELECT COALESCE(SUM(delta), 0) FROM " + table + "_ledger");
    }

    private long query(String sql) {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
