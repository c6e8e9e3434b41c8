package db.crm;

import db.MigrationDatabase;
import fr.macrea.max.crm.CrmSearch;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import java.sql.Statement;

/**
 * Fills the new {@code search_text} column (V4) of the leads and contacts already there, with the same Java
 * normalisation as every write path; then drops V3's FULLTEXT indexes, which no search uses any more. Flyway runs it
 * with the tenant schema as the connection's default schema, so the tables are rendered unqualified.
 */
public class V5__FillSearchText extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        boolean mysql = MigrationDatabase.isMySqlFamily(context.getConnection());
        CrmSearch.fillMissing(DSL.using(context.getConnection(), mysql ? SQLDialect.MYSQL : SQLDialect.H2,
                new Settings().withRenderSchema(false)));
        if (mysql) {
            try (Statement s = context.getConnection().createStatement()) {
                s.execute("DROP INDEX `FT_LEAD_TEXT` ON `lead`");
                s.execute("DROP INDEX `FT_CONTACT_TEXT` ON `contact`");
            }
        }
    }
}
