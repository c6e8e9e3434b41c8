package db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** What the Java migrations of the platform and CRM schemas need to know of the database they run on. */
public final class MigrationDatabase {

    private MigrationDatabase() {
    }

    /** MariaDB or MySQL (production and the integration tests), as opposed to the embedded default's H2. */
    public static boolean isMySqlFamily(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("mysql") || product.contains("mariadb");
    }
}
