package fr.macrea.max.tenant;

import fr.macrea.max.shared.SqlIdentifiers;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/** Creates or upgrades a tenant's CRM schema from the {@code db/crm} migrations, on H2 and on MariaDB/MySQL. */
@Component
class CrmSchemaProvisioner {

    private static final Logger log = LoggerFactory.getLogger(CrmSchemaProvisioner.class);
    static final String CRM_MIGRATIONS = "classpath:db/crm";

    private final DataSource dataSource;

    CrmSchemaProvisioner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void migrate(String schema) {
        SqlIdentifiers.requireSchemaName(schema);
        var result = Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .locations(CRM_MIGRATIONS)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            log.info("CRM schema {} migrated to version {}", schema, result.targetSchemaVersion);
        }
    }
}
