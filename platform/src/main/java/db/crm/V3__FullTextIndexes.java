package db.crm;

import db.MigrationDatabase;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/**
 * Full-text indexes of the tenant CRM schema, on MariaDB/MySQL only: H2 has no FULLTEXT index in its MySQL mode, so
 * the same migration does nothing there and searches fall back to LIKE (fr.macrea.max.crm.CrmReader). Flyway runs
 * it with the tenant schema as the connection's default schema.
 */
public class V3__FullTextIndexes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!MigrationDatabase.isMySqlFamily(context.getConnection())) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("CREATE FULLTEXT INDEX `FT_LEAD_TEXT` ON `lead` (`first_name`, `last_name`, `account_name`, `description`)");
            s.execute("CREATE FULLTEXT INDEX `FT_CONTACT_TEXT` ON `contact` (`first_name`, `last_name`, `description`)");
        }
    }
}
